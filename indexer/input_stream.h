// Reads an input file, or standard input, as a stream of bytes or of lines, undoing any compression
// libarchive recognises (gzip, zstd, xz, bzip2, lz4, ...) on the fly; uncompressed bytes pass
// through. Archives (zip, tar) are read entry by entry the same way. Nothing is unpacked to disk
// and only one block (plus the current line) is held in memory, so a multi-GB dump streams in
// bounded memory.
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

  // Bytes read so far from the file itself (before decompression), for progress.
  std::int64_t raw_bytes_read() const;

 private:
  friend class ArchiveReader;
  struct Closer {
    bool owns = true;  // False for an archive entry's stream: the ArchiveReader owns the archive.
    void operator()(archive* a) const;
  };
  explicit ByteStream(archive* a, bool owns = true) : archive_(a, Closer{owns}) {}
  std::expected<ByteStream, std::string> start() &&;

  std::unique_ptr<archive, Closer> archive_;
  bool at_end_ = false;
  std::string error_;
};

// The regular files in an archive (.zip, .tar, a tar compressed by any filter libarchive knows),
// one after another, each read as a stream: nothing is unpacked to disk.
class ArchiveReader {
 public:
  static std::expected<ArchiveReader, std::string> open(const std::string& path);

  // Moves to the next regular file; false at the end or on an error (then error() says why).
  bool next_entry();
  // The current entry's path inside the archive, and its bytes (a stream valid until the next
  // call to next_entry()).
  const std::string& entry_name() const { return entry_name_; }
  ByteStream entry_stream();
  const std::string& error() const { return error_; }
  std::int64_t raw_bytes_read() const;

 private:
  explicit ArchiveReader(archive* a) : archive_(a, ByteStream::Closer{}) {}
  std::unique_ptr<archive, ByteStream::Closer> archive_;
  std::string entry_name_;
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
  const ByteStream& stream() const { return stream_; }

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
