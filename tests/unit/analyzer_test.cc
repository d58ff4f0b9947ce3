// The analyser's behaviour, as compact golden strings: one row per case, each checked on its own.
#include "common/analyzer.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace {

struct Row {
  const char* input;
  const char* expected;
};

vn::Analysis analysed(const std::string& text) {
  vn::Analysis a;
  vn::analyze(text, a);
  return a;
}

// Token keys separated by spaces; a compound's syllables joined by '_'.
std::string keys(const std::string& text) {
  std::string out;
  for (const vn::Token& t : analysed(text).tokens) {
    out += out.empty() ? "" : " ";
    out += t.key;
  }
  return out;
}

std::string folded(const std::string& text) {
  std::string out;
  for (const vn::Token& t : analysed(text).tokens) {
    out += out.empty() ? "" : " ";
    out += t.folded;
  }
  return out;
}

// Names in display form, separated by '|'.
std::string names(const std::string& text) {
  const vn::Analysis a = analysed(text);
  std::string out;
  for (const vn::Name& n : a.names) {
    out += out.empty() ? "" : "|";
    out += vn::display_form(a, n.first_token, n.token_count);
  }
  return out;
}

// Token kinds: w word, n number, s symbol, u URL, e e-mail; then the key.
std::string kinds(const std::string& text) {
  std::string out;
  for (const vn::Token& t : analysed(text).tokens) {
    static constexpr char kKind[] = {'w', 'n', 's', 'u', 'e'};
    out += out.empty() ? "" : " ";
    out += kKind[static_cast<int>(t.kind)];
    out += ':' + t.key;
  }
  return out;
}

void check_rows(const std::vector<Row>& rows, std::string (*f)(const std::string&)) {
  for (const Row& row : rows) {
    CAPTURE(row.input);
    CHECK(f(row.input) == row.expected);
  }
}

}  // namespace

TEST_CASE("Unicode forms tone placement and case give one key") {
  check_rows(
      {
          {"hoà hòa HOÀ Hoà", "hòa hòa hòa hòa"},
          {"thuỷ thủy", "thủy thủy"},
          {"khoẻ khỏe", "khỏe khỏe"},
          {"uỷ ủy Uỷ_ban", "ủy ủy ủy_ban"},
          {"Thanh_Hoá Thanh_Hóa", "thanh_hóa thanh_hóa"},
          {"ĐẢNG đảng", "đảng đảng"},
          // NFD: combining marks after the base letter.
          {"Ma\xCC\xA3\xCC\x86t_tra\xCC\xA3\xCC\x82n", "mặt_trận"},
          {"ho\xCC\x80" "a", "hòa"},
          // Zero-width space, soft hyphen and BOM inside a word are ignored.
          {"Hà\xE2\x80\x8BNội", keys("HàNội").c_str()},
          {"bình\xC2\xAD" "dân", keys("bìnhdân").c_str()},
          {"\xEF\xBB\xBFViệt", "việt"},
          // Full-width digits are digits.
          {"\xEF\xBC\x92\xEF\xBC\x90\xEF\xBC\x90\xEF\xBC\x95", "2005"},
      },
      keys);
}

TEST_CASE("Folded keys drop every diacritic including two-mark vowels and đ") {
  check_rows(
      {
          {"Mặt_trận Bình_dân", "mat_tran binh_dan"},
          {"đường dương đương", "duong duong duong"},
          {"ặ ậ ộ ể ữ Đ", "a a o e u d"},
          {"Nguyễn_Văn_An", "nguyen_van_an"},
      },
      folded);
}

TEST_CASE("Compounds keep their syllables and glued syllables are repaired") {
  const vn::Analysis a = analysed("Mặt_trận_Bình_dân tuyên_bốbầu_cử");
  REQUIRE(a.tokens.size() == 3);
  CHECK(a.tokens[0].syllable_count == 4);
  CHECK(a.tokens[1].key == "tuyên_bố");
  CHECK(a.tokens[2].key == "bầu_cử");
  check_rows(
      {
          {"Azerbaijan_thiếu Mustafayev OSCE", "azerbaijan_thiếu mustafayev osce"},
          {"chính_phủđã họp", "chính_phủ đã họp"},
          {"_ __ a__b", "a_b"},
      },
      keys);
}

TEST_CASE("Numbers symbols URLs and e-mail addresses stay whole") {
  check_rows(
      {
          {"50.000 người", "n:50.000 w:người"},
          {"tăng 3,5 lần", "w:tăng n:3,5 w:lần"},
          {"ngày 12/11/2005.", "w:ngày n:12/11/2005"},
          {"tăng 10%", "w:tăng n:10%"},
          {"HIV/AIDS", "s:hiv/aids"},
          {"TP.HCM", "s:tp.hcm"},
          {"HIV/AIDS.Dự án", "s:hiv/aids w:dự w:án"},
          {"e-mail", "s:e-mail"},
          {"xem https://vnsearch.example.vn/tin-tuc.", "w:xem u:https://vnsearch.example.vn/tin-tuc"},
          {"gửi toasoan@vnsearch.example.vn nhé", "w:gửi e:toasoan@vnsearch.example.vn w:nhé"},
          {"U23 19h", "w:u23 w:19h"},
      },
      kinds);
}

TEST_CASE("Names are capitalised runs not merely capitalised by the sentence start") {
  check_rows(
      {
          {"Alcee_Hastings , Chủ_tịch", "Alcee Hastings|Chủ tịch"},
          {"phó chủ_tịch Mặt_trận Bình_dân Azerbaijan , khẳng_định",
           "Mặt trận Bình dân Azerbaijan"},
          {"Hôm_qua , Ủy_ban Bầu_cử Trung_ương hủy bỏ", "Ủy ban Bầu cử Trung ương"},
          {"tỉnh Hòa_Bình có", "Hòa Bình"},
          {"gìn_giữ hòa_bình thế_giới", ""},
          {"Ông Nguyễn_Văn_An nói", "Nguyễn Văn An"},
          {"Hòa_Bình là một tỉnh", "Hòa Bình"},
          {"Sau đó , ông về", ""},
          {"Azerbaijan tổ_chức bầu_cử", "Azerbaijan"},
          {"OSCE nhận_xét", "OSCE"},
          // A symbol keeps its separators; the words around it are joined by spaces.
          {"người dân TP.HCM vui", "TP.HCM"},
          {"ông Lê_Văn_Tám ở TP.HCM cho_biết", "Lê Văn Tám|TP.HCM"},
          {"bệnh HIV/AIDS lan", "HIV/AIDS"},
      },
      names);
}

TEST_CASE("Spans are exact byte ranges of the original text") {
  const std::string text = "Ông  Mặt_trận\xCC\x81 HIV/AIDS";
  const vn::Analysis a = analysed(text);
  REQUIRE(a.tokens.size() == 3);
  const auto span_text = [&](vn::Span s) { return text.substr(s.begin, s.end - s.begin); };
  CHECK(span_text(a.tokens[1].span) == "Mặt_trận\xCC\x81");
  CHECK(span_text(a.syllables[1].span) == "Mặt");
  CHECK(span_text(a.syllables[2].span) == "trận\xCC\x81");
  CHECK(span_text(a.tokens[2].span) == "HIV/AIDS");
  CHECK(span_text(a.syllables[4].span) == "AIDS");
}

TEST_CASE("Invalid UTF-8 is counted and never crashes") {
  const vn::Analysis a = analysed("xin\xFF\xFE chào \xE1\xBA");
  CHECK(a.invalid_utf8 == 3);
  CHECK(keys("xin\xFF chào") == "xin chào");
  const std::string garbage(1000, '\x80');
  CHECK(analysed(garbage).tokens.empty());
}

TEST_CASE("Query and index agree: the same text typed differently gives the same keys") {
  const std::vector<std::pair<const char*, const char*>> pairs = {
      {"Mặt_trận Bình_dân", "MẶT_TRẬN BÌNH_DÂN"},
      {"hoà_giải", "hòa_giải"},
      {"Ma\xCC\xA3\xCC\x86t_tra\xCC\xA3\xCC\x82n", "mặt_trận"},
      {"sức_khoẻ", "SỨC_KHỎE"},
  };
  for (const auto& [indexed, typed] : pairs) {
    CAPTURE(indexed);
    CAPTURE(typed);
    CHECK(keys(indexed) == keys(typed));
    CHECK(folded(indexed) == folded(typed));
  }
}
