// How the benchmark tools end on an error: one line "PROGRAM: what" on stderr and exit status 1
// (2 for std::invalid_argument, a usage error). Not for vnindex and vnsearch, whose messages name
// the fix.
#pragma once

#include <iostream>
#include <stdexcept>

#include <xapian.h>

namespace vn::bench {

template <class Body>
int run_tool(const char* program, Body&& body) {
  try {
    return body();
  } catch (const std::invalid_argument& e) {
    std::cerr << program << ": " << e.what() << '\n';
    return 2;
  } catch (const Xapian::Error& e) {
    std::cerr << program << ": " << e.get_description() << '\n';
  } catch (const std::exception& e) {
    std::cerr << program << ": " << e.what() << '\n';
  }
  return 1;
}

}  // namespace vn::bench
