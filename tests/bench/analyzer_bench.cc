// Throughput of the text pipeline on real articles: the analyser, the document builder and the
// snippet generator, each in bytes of article text per second on one core. Run by scripts/bench;
// not a test (nothing here is timed inside CTest).
//
// Usage: vnsearch_bench [--text=FILE] [benchmark flags]
//   --text=FILE  UTF-8 articles, one per line (title + " " + body). Without it, a built-in sample
//                of a few KB of synthetic word-segmented sentences is used.
// Defaults: --benchmark_repetitions=5 --benchmark_report_aggregates_only=true, so the medians of
// five runs are reported; any benchmark flag given on the command line overrides them.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/analyzer.h"
#include "indexer/article.h"
#include "indexer/document_builder.h"
#include "indexer/text_file.h"
#include "query/query_parser.h"
#include "query/snippet.h"
#include "tests/bench/benchmark_main.h"

namespace {

// The articles every benchmark runs over, loaded before any timing starts.
struct Corpus {
  std::vector<std::string> lines;     // Whole articles, as read.
  std::vector<vn::Article> articles;  // The same split into title and body, as vnindex does.
  std::int64_t line_bytes = 0;
  std::int64_t article_bytes = 0;  // Title + body bytes (the separator is dropped by the split).
};

// Sentences in the word-segmented style of the shared corpus (VietNews), written for this
// benchmark: compounds joined by '_', punctuation split off by spaces, names, numbers, symbols.
constexpr std::string_view kSampleSentences[] = {
    "Chính_phủ vừa ban_hành nghị_định mới về quản_lý giá điện , có hiệu_lực từ ngày 1/7/2018 .",
    "Theo Bộ Tài_chính , tổng thu ngân_sách nhà_nước 6 tháng đầu năm đạt 50.000 tỷ đồng , "
    "tăng 12,5 % so với cùng kỳ .",
    "Phó Thủ_tướng Vương_Đình_Huệ yêu_cầu các bộ , ngành khẩn_trương hoàn_thiện hồ_sơ trình "
    "Quốc_hội .",
    "Người_dân Hà_Nội và TP.HCM xếp hàng từ sáng sớm để mua vé xem trận chung_kết của đội_tuyển "
    "U23 Việt_Nam .",
    "Ông Nguyễn_Văn_Thành , Giám_đốc Sở Y_tế , cho_biết bệnh_viện đã tiếp_nhận 35 ca nghi nhiễm "
    "HIV/AIDS trong quý II .",
    "Mưa lớn kéo_dài khiến nhiều tuyến đường ở các tỉnh miền Trung bị ngập sâu , giao_thông "
    "gần_như tê_liệt .",
    "Các chuyên_gia kinh_tế nhận_định lãi_suất cho vay sẽ tiếp_tục giảm nhẹ trong những tháng "
    "cuối năm .",
    "Uỷ_ban nhân_dân tỉnh Quảng_Ninh đã phê_duyệt quy_hoạch khu du_lịch sinh_thái rộng hơn 300 "
    "ha .",
    "Hội_nghị thượng_đỉnh diễn ra tại Singapore với sự tham_dự của lãnh_đạo nhiều quốc_gia "
    "châu_Á .",
    "Giá xăng_dầu trong nước được điều_chỉnh tăng 500 đồng mỗi lít kể từ 15h chiều nay .",
    "Nhà_trường đã gửi thư_mời phụ_huynh tới dự buổi họp đầu năm_học , thông_tin chi_tiết xem "
    "tại www.truong.edu.vn .",
    "Theo báo_cáo của Chính_phủ , tỷ_lệ hộ nghèo cả nước đã giảm xuống còn 6,7 % , thấp nhất "
    "từ trước tới nay .",
    "Lực_lượng chức_năng đã bắt_giữ hai đối_tượng vận_chuyển trái_phép hơn 2 kg ma_tuý qua "
    "biên_giới .",
    "Đội_tuyển bóng_đá nữ Việt_Nam giành huy_chương vàng SEA_Games sau chiến_thắng 1-0 trước "
    "Thái_Lan .",
    "Thời_tiết hôm_nay : Hà_Nội có mây , ngày nắng , nhiệt_độ cao nhất 34 độ C .",
    "Bạn_đọc có_thể gửi ý_kiến đóng_góp về địa_chỉ email toasoan@baomoi.vn trước ngày 30/9 .",
};
constexpr std::size_t kSampleArticles = 12;
constexpr std::size_t kSentencesPerArticle = 8;

// A few KB of articles, each a different rotation of the sample sentences.
std::vector<std::string> sample_lines() {
  constexpr std::size_t n = std::size(kSampleSentences);
  std::vector<std::string> lines;
  for (std::size_t a = 0; a < kSampleArticles; ++a) {
    std::string line;
    for (std::size_t s = 0; s < kSentencesPerArticle; ++s) {
      if (!line.empty()) {
        line += ' ';
      }
      line += kSampleSentences[(a * 5 + s * 3) % n];
    }
    lines.push_back(std::move(line));
  }
  return lines;
}

std::vector<std::string> read_lines(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw std::runtime_error("cannot read " + path);
  }
  std::vector<std::string> lines;
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty()) {
      lines.push_back(std::move(line));
    }
  }
  if (lines.empty()) {
    throw std::runtime_error(path + " has no articles");
  }
  return lines;
}

Corpus make_corpus(std::vector<std::string> lines) {
  Corpus c;
  c.lines = std::move(lines);
  for (std::size_t i = 0; i < c.lines.size(); ++i) {
    vn::Article a;
    a.key = "bench-" + std::to_string(i);
    vn::split_title(c.lines[i], a.title, a.body);
    c.line_bytes += static_cast<std::int64_t>(c.lines[i].size());
    c.article_bytes += static_cast<std::int64_t>(a.title.size() + a.body.size());
    c.articles.push_back(std::move(a));
  }
  return c;
}

// Every benchmark reports bytes/s and articles/s over one pass of the whole corpus per iteration.
void report(benchmark::State& state, std::int64_t bytes, std::size_t articles) {
  state.SetBytesProcessed(state.iterations() * bytes);
  state.counters["articles"] = benchmark::Counter(static_cast<double>(articles),
                                                  benchmark::Counter::kIsIterationInvariantRate);
}

void bm_analyze(benchmark::State& state, const Corpus& c) {
  vn::Analysis analysis;
  for (auto _ : state) {
    for (const std::string& line : c.lines) {
      vn::analyze(line, analysis);
      benchmark::DoNotOptimize(analysis.tokens.data());
    }
    benchmark::ClobberMemory();
  }
  report(state, c.line_bytes, c.lines.size());
}

void bm_document_builder(benchmark::State& state, const Corpus& c) {
  vn::DocumentBuilder builder;
  for (auto _ : state) {
    for (const vn::Article& a : c.articles) {
      vn::BuiltDocument built = builder.build(a);
      benchmark::DoNotOptimize(built);
    }
  }
  report(state, c.article_bytes, c.articles.size());
}

void bm_snippet(benchmark::State& state, const Corpus& c, const vn::HighlightTerms& terms) {
  for (auto _ : state) {
    for (const std::string& line : c.lines) {
      vn::Snippet snippet = vn::make_snippet(line, terms);
      benchmark::DoNotOptimize(snippet);
    }
  }
  report(state, c.line_bytes, c.lines.size());
}

// Removes --text=FILE (or --text FILE) from argv and returns FILE, or "" when absent.
std::string take_text_option(int& argc, char** argv) {
  std::string path;
  int out = 1;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg.starts_with("--text=")) {
      path = arg.substr(7);
    } else if (arg == "--text" && i + 1 < argc) {
      path = argv[++i];
    } else {
      argv[out++] = argv[i];
    }
  }
  argc = out;
  return path;
}

void register_benchmarks(const Corpus& c, const vn::HighlightTerms& terms) {
  benchmark::RegisterBenchmark("BM_Analyze", [&c](benchmark::State& s) { bm_analyze(s, c); })
      ->Unit(benchmark::kMillisecond);
  benchmark::RegisterBenchmark("BM_DocumentBuilder",
                               [&c](benchmark::State& s) { bm_document_builder(s, c); })
      ->Unit(benchmark::kMillisecond);
  benchmark::RegisterBenchmark("BM_Snippet",
                               [&c, &terms](benchmark::State& s) { bm_snippet(s, c, terms); })
      ->Unit(benchmark::kMillisecond);
}

}  // namespace

int main(int argc, char** argv) {
  try {
    const std::string text = take_text_option(argc, argv);
    const Corpus corpus = make_corpus(text.empty() ? sample_lines() : read_lines(text));
    auto parsed = vn::parse_query("chính phủ");
    if (!parsed) {
      std::cerr << "vnsearch_bench: cannot parse the snippet query: " << parsed.error().message
                << "\n";
      return 1;
    }
    std::fprintf(stderr, "vnsearch_bench: %zu articles, %.1f KB from %s\n", corpus.lines.size(),
                 static_cast<double>(corpus.line_bytes) / 1e3,
                 text.empty() ? "the built-in sample" : text.c_str());

    register_benchmarks(corpus, parsed->highlight);
    return vn::bench::run_registered_benchmarks(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "vnsearch_bench: " << e.what() << "\n";
    return 1;
  }
}
