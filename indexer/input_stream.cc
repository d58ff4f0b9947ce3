#include "indexer/input_stream.h"

#include <archive.h>
#include <archive_entry.h>

#include <cerrno>
#include <cstring>
#include <new>

namespace vn {
namespace {

constexpr std::size_t kReadBlockBytes = 1u << 20;

// libarchive's message for the last error.
std::string archive_reason(archive* a) {
  const char* message = archive_error_string(a);
  return message != nullptr ? message : "unknown error";
}

// Why an input could not be opened. Opening already reads the first block to recognise the
// compression, so this is either a system error, in the system's words ("No such file or
// directory") rather than libarchive's ("Failed to open 'x'", which repeats the path), or bad data
// (libarchive's errno is then -1, or EILSEQ for a bad format).
std::string open_reason(archive* a) {
  const int err = archive_errno(a);
  if (err > 0 && err != EILSEQ) {
    return "cannot read: " + std::string(std::strerror(err));
  }
  return "corrupt or truncated input: " + archive_reason(a);
}

archive* new_reader() {
  archive* a = archive_read_new();
  if (a == nullptr) {
    throw std::bad_alloc();
  }
  // Every compression filter, and the raw "format": the decompressed bytes as one entry. The empty
  // format lets an empty input read as no bytes rather than fail.
  archive_read_support_filter_all(a);
  archive_read_support_format_raw(a);
  archive_read_support_format_empty(a);
  return a;
}

}  // namespace

void ByteStream::Closer::operator()(archive* a) const {
  if (owns) {
    archive_read_free(a);
  }
}

std::int64_t ByteStream::raw_bytes_read() const { return archive_filter_bytes(archive_.get(), -1); }

std::expected<ArchiveReader, std::string> ArchiveReader::open(const std::string& path) {
  archive* a = archive_read_new();
  if (a == nullptr) {
    throw std::bad_alloc();
  }
  ArchiveReader reader(a);
  archive_read_support_filter_all(a);
  archive_read_support_format_tar(a);
  archive_read_support_format_gnutar(a);
  archive_read_support_format_zip(a);
  if (archive_read_open_filename(a, path.c_str(), kReadBlockBytes) != ARCHIVE_OK) {
    return std::unexpected(open_reason(a));
  }
  return reader;
}

bool ArchiveReader::next_entry() {
  for (;;) {
    archive_entry* entry = nullptr;
    const int r = archive_read_next_header(archive_.get(), &entry);
    if (r == ARCHIVE_EOF) {
      return false;
    }
    if (r < ARCHIVE_WARN) {
      error_ = "corrupt or truncated archive: " + archive_reason(archive_.get());
      return false;
    }
    if (archive_entry_filetype(entry) == AE_IFREG) {
      const char* name = archive_entry_pathname(entry);
      entry_name_ = name != nullptr ? name : "";
      return true;
    }
  }
}

ByteStream ArchiveReader::entry_stream() { return ByteStream(archive_.get(), false); }

std::int64_t ArchiveReader::raw_bytes_read() const {
  return archive_filter_bytes(archive_.get(), -1);
}

std::expected<ByteStream, std::string> ByteStream::open(const std::string& path) {
  ByteStream stream(new_reader());
  archive* a = stream.archive_.get();
  const int opened = path == "-" ? archive_read_open_fd(a, 0, kReadBlockBytes)
                                 : archive_read_open_filename(a, path.c_str(), kReadBlockBytes);
  if (opened != ARCHIVE_OK) {
    return std::unexpected(open_reason(a));
  }
  return std::move(stream).start();
}

std::expected<ByteStream, std::string> ByteStream::open_memory(std::string_view bytes) {
  ByteStream stream(new_reader());
  archive* a = stream.archive_.get();
  if (archive_read_open_memory(a, bytes.data(), bytes.size()) != ARCHIVE_OK) {
    return std::unexpected(open_reason(a));
  }
  return std::move(stream).start();
}

// Moves to the single raw entry (none for an empty input). Its header is where the compression
// is recognised and the first block decoded, so a corrupt file may already fail here.
std::expected<ByteStream, std::string> ByteStream::start() && {
  archive_entry* entry = nullptr;
  const int r = archive_read_next_header(archive_.get(), &entry);
  if (r == ARCHIVE_EOF) {
    at_end_ = true;
  } else if (r < ARCHIVE_WARN) {
    return std::unexpected("corrupt or truncated input: " + archive_reason(archive_.get()));
  }
  return std::move(*this);
}

std::string_view ByteStream::next_block() {
  while (!at_end_) {
    const void* data = nullptr;
    std::size_t size = 0;
    la_int64_t offset = 0;
    const int r = archive_read_data_block(archive_.get(), &data, &size, &offset);
    if (r == ARCHIVE_EOF) {
      at_end_ = true;
    } else if (r < ARCHIVE_WARN) {
      error_ = archive_reason(archive_.get());
      at_end_ = true;
    } else if (size > 0) {
      return {static_cast<const char*>(data), size};
    }
  }
  return {};
}

bool LineReader::refill() {
  block_ = stream_.next_block();
  if (block_.empty() && !stream_.error().empty()) {
    error_ = "corrupt or truncated input after line " + std::to_string(line_number_) + ": " +
             stream_.error();
  }
  return !block_.empty();
}

LineReader::Status LineReader::next(std::string& line) {
  line.clear();
  bool too_long = false;
  bool started = false;
  for (;;) {
    if (block_.empty() && !refill()) {
      if (!error_.empty()) {
        return Status::kError;
      }
      if (!started) {
        return Status::kEnd;
      }
      break;  // A last line without a line end.
    }
    started = true;
    const std::size_t newline = block_.find('\n');
    const std::string_view piece = block_.substr(0, newline);
    if (!too_long && line.size() + piece.size() > max_line_) {
      too_long = true;  // Drop what was kept; read on to the line end without keeping.
      std::string().swap(line);
    }
    if (!too_long) {
      line.append(piece);
    }
    block_.remove_prefix(newline == std::string_view::npos ? block_.size() : newline + 1);
    if (newline != std::string_view::npos) {
      break;
    }
  }
  ++line_number_;
  if (line.ends_with('\r')) {
    line.pop_back();
  }
  return too_long ? Status::kTooLong : Status::kLine;
}

std::expected<std::string, std::string> read_all(ByteStream& stream, std::size_t max_bytes) {
  std::string out;
  for (std::string_view block = stream.next_block(); !block.empty(); block = stream.next_block()) {
    if (out.size() + block.size() > max_bytes) {
      return std::unexpected("file too large (over " + std::to_string(max_bytes >> 20) +
                             " MB unpacked)");
    }
    out.append(block);
  }
  if (!stream.error().empty()) {
    return std::unexpected("corrupt or truncated input: " + stream.error());
  }
  return out;
}

}  // namespace vn
