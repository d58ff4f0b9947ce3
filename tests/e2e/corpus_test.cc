// End-to-end searches over the sample archive in corpus/: the behaviour README promises, through
// the real vnindex and vnsearch programs.
#include <doctest/doctest.h>

#include <algorithm>

#include "tests/e2e/harness.h"

namespace {

const std::string kSeed = "the-gioi/000_2b2a32c126b73035.txt";
const std::string kBlum = "the-gioi/chinh-phu-leon-blum-1936.txt";
const std::string kNfd = "xa-hoi/nfd-hoa-giai-co-so-da-nang.txt";
const std::string kOldTones = "khoa-hoc/thu-nghiem-vac-xin-cum-gia-cam.txt";  // sức_khỏe
const std::string kNewTones = "xa-hoi/cham-soc-suc-khoe-nguoi-cao-tuoi.txt";  // sức_khoẻ
const std::string kMarket = "kinh-te/gia-rau-cho-dau-moi-tang-manh.txt";       // bán, never bạn
const std::string kBookClub = "van-hoa/cau-lac-bo-doc-sach-thu-vien-phuong.txt";  // bạn
const std::string kNumbers = "xa-hoi/tphcm-phat-dong-thang-hanh-dong-phong-chong-hiv-aids.txt";
const std::string kGlued = "the-gioi/indonesia-chong-dich-cum-gia-cam.txt";  // chính_phủđã
const std::string kCrlf = "kinh-te/crlf-xuat-khau-thuy-san.txt";
const std::string kBom = "van-hoa/bom-festival-hue-khai-mac.txt";

vn::e2e::RunResult search(const std::string& query, const std::string& limit = "50") {
  return vn::e2e::vnsearch(
      {"search", "--index", vn::e2e::sample_index().string(), "--limit", limit, query});
}

std::vector<std::string> keys(const std::string& query) {
  return vn::e2e::result_keys(search(query).out);
}

bool contains(const std::vector<std::string>& v, const std::string& key) {
  return std::find(v.begin(), v.end(), key) != v.end();
}

}  // namespace

TEST_CASE("The sample corpus indexes without skipping anything") {
  const auto dir = vn::e2e::work_dir("corpus-index");
  const auto r = vn::e2e::vnindex(
      {"--index", (dir / "idx").string(), vn::e2e::sample_corpus().string()});
  CHECK(r.exit_code == 0);
  CHECK(r.err == "");
  CHECK(r.out.find("54 added, 0 updated, 0 unchanged, 0 skipped") != std::string::npos);
}

TEST_CASE("Mặt_trận Bình_dân finds the seed article first") {
  const auto found = keys("Mặt_trận Bình_dân");
  REQUIRE_FALSE(found.empty());
  CHECK(found.front() == kSeed);
  CHECK(contains(found, kBlum));
}

TEST_CASE("A title word finds its article first") {
  CHECK(keys("Léon Blum").front() == kBlum);
  CHECK(keys("Philippines").front() == "the-gioi/bao-manh-do-bo-philippines.txt");
  CHECK(keys("hoà nhạc giao hưởng").front() == "van-hoa/hoa-nhac-giao-huong-mua-thu.txt");
}

TEST_CASE("The seed's one-line headline becomes its title") {
  const auto r = search("Azerbaijan", "1");
  CHECK(r.out.starts_with("1. Phe đối lập Azerbaijan chuẩn bị cách mạng màu sắc\n"));
}

TEST_CASE("Accentless queries find every accented form and accented ones are precise") {
  const auto accentless = keys("mat tran binh dan");
  CHECK(contains(accentless, kSeed));
  CHECK(contains(accentless, kBlum));
  const auto sell = keys("bán");
  CHECK(contains(sell, kMarket));
  CHECK_FALSE(contains(sell, kBookClub));
  const auto friend_ = keys("bạn");
  CHECK(contains(friend_, kBookClub));
  CHECK_FALSE(contains(friend_, kMarket));
  const auto ban = keys("ban");
  CHECK(contains(ban, kMarket));
  CHECK(contains(ban, kBookClub));
}

TEST_CASE("NFD text tone placement and case do not matter") {
  CHECK(contains(keys("Mặt trận Tổ quốc"), kNfd));
  CHECK(contains(keys("ĐÀ NẴNG"), kNfd));
  for (const char* q : {"sức khỏe", "sức_khoẻ", "SỨC KHOẺ"}) {
    CAPTURE(q);
    const auto found = keys(q);
    CHECK(contains(found, kOldTones));
    CHECK(contains(found, kNewTones));
  }
}

TEST_CASE("Numbers and symbols are searched as typed") {
  for (const char* q : {"50.000", "3,5", "12/11/2005", "10%", "HIV/AIDS", "TP.HCM", "e-mail"}) {
    CAPTURE(q);
    CHECK(contains(keys(q), kNumbers));
  }
}

TEST_CASE("Hòa Bình the province is a name and hòa bình the peace is not") {
  const std::string province = "kinh-te/hoa-binh-phat-trien-du-lich-long-ho.txt";
  const std::string peace = "the-gioi/lien-hop-quoc-gin-giu-hoa-binh.txt";
  const auto as_name = keys("@\"Hòa Bình\"");
  CHECK(contains(as_name, province));
  CHECK_FALSE(contains(as_name, peace));
  CHECK(keys("name:\"hoa binh\"") == as_name);
  const auto as_words = keys("\"hòa bình\"");
  CHECK(contains(as_words, province));
  CHECK(contains(as_words, peace));
  CHECK(contains(keys("@\"Ủy ban Bầu cử Trung ương\""), "the-gioi/ukraina-bau-cu-quoc-hoi.txt"));
}

TEST_CASE("Fields and prefixes narrow the search") {
  const auto economy = keys("category:kinh-te giá");
  CHECK(economy.size() >= 3);
  for (const std::string& key : economy) {
    CAPTURE(key);
    CHECK((key.starts_with("kinh-te/") || key.starts_with("bt-")));  // bt-: JSON Lines ids.
  }
  CHECK(keys("title:\"Léon Blum\"") == std::vector<std::string>{kBlum});
  CHECK(contains(keys("mat tr*"), kSeed));
}

TEST_CASE("A word glued by a lost space is found by both halves") {
  CHECK(contains(keys("\"chính phủ\""), kGlued));
  CHECK(contains(keys("\"chính phủ đã\""), kGlued));
}

TEST_CASE("CRLF and BOM files read like any other") {
  CHECK(keys("xuất khẩu thủy sản").front() == kCrlf);
  const auto r = search("Festival Huế", "1");
  CHECK(r.out.starts_with("1. Festival Huế khai mạc"));
}

TEST_CASE("Results never show underscores and show snippets with the match") {
  const auto r = search("Mặt_trận Bình_dân", "3");
  CHECK(r.exit_code == 0);
  std::string shown = r.out;
  for (const std::string& key : vn::e2e::result_keys(r.out)) {
    shown.erase(shown.find(key), key.size());  // File names may have underscores; text never.
  }
  CHECK(shown.find('_') == std::string::npos);
  CHECK(r.out.find("Mặt trận Bình dân") != std::string::npos);
}
