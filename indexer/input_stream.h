// Reads an input file, or standard input, as a stream of bytes or of lines, undoing any compression
// libarchive recognises (gzip, zstd, xz, bzip2, lz4, ...) on the fly; uncompressed bytes pass
// through. Nothing is unpacked to disk and only one block (plus the current line) is held in
// memory, so a multi-GB dump streams in bounded memory.
// Not for: parsing what is read (jsonl_reader.h, text_file.h).
#pragma once

#include <cstddef>
#include <cstdint>
#include <expected>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

struct archive;

namespace vn {

// Lines longer than this are reported and skipped rather than held in memory.
inline constexpr std::size_t kMaxLineBytes = 64u << 20;

// The decompressed bytes of one input, block by block.
class ByteStream {
 public:
  // Opens `path`, "-" meaning standard input. On failure returns a one-line reason.
  static std::expected<ByteStream, std::string> open(const std::string& path);
  // Reads `bytes`, which must outlive the stream (for tests).
  static std::expected<ByteStream, std::string> open_memory(std::string_view bytes);

  // The next block; empty at the end of the input or on an error (then error() says why).
  std::string_view next_block();
  const std::string& error() const { return error_; }

 private:
  struct Closer {
    void operator()(archive* a) const;
  };
  explicit ByteStream(archive* a) : archive_(a) {}
  std::expected<ByteStream, std::string> start() &&;

  std::unique_ptr<archive, Closer> archive_;
  bool at_end_ = false;
  std::string error_;
};

// The lines of a ByteStream, numbered from 1, without their line end ("\n" or "\r\n").
class LineReader {
 public:
  enum class Status {
    kLine,     // `line` holds line number line_number().
    kTooLong,  // Line line_number() is over the limit: skipped, `line` is empty.
    kEnd,      // No more lines.
    kError,    // The input is unreadable or corrupt from here on: error() says why.
  };

  explicit LineReader(ByteStream stream, std::size_t max_line = kMaxLineBytes)
      : stream_(std::move(stream)), max_line_(max_line) {}

  Status next(std::string& line);
  std::int64_t line_number() const { return line_number_; }
  const std::string& error() const { return error_; }

 private:
  // Reads the next block into block_; false at the end or on an error (error_ set).
  bool refill();

  ByteStream stream_;
  std::size_t max_line_;
  std::string_view block_;  // The unread rest of the current block.
  std::int64_t line_number_ = 0;
  std::string error_;
};

// Reads a whole (decompressed) input into memory; fails when it is over `max_bytes`.
std::expected<std::string, std::string> read_all(ByteStream& stream, std::size_t max_bytes);

}  // namespace vn
