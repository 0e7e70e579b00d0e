// SPDX-License-Identifier: MIT
#pragma once

#include <fmt/format.h>

#include <dlfcn.h>

#include <string>
#include <string_view>
#include <utility>

namespace normdoc::util {

// A system library loaded with dlopen when a command first needs it, so that the others do not
// load it (and all it pulls in) at start. Left loaded for the process: the functions bound from
// it are used until it ends. Failures go to `raise(message, hint)`, which throws the caller's
// kind of error (a database error for libpq, a plain one for libcrypto).
template<typename Raise> class SharedLibrary
{
public:
  // `label` names the library for the officer before its file name (may be empty);
  // `install_hint` says what to install when it is missing, `version_hint` when a function is.
  SharedLibrary(std::string file, std::string_view label, const char* install_hint, const char* version_hint,
                Raise raise)
      : m_file(std::move(file)), m_version_hint(version_hint), m_raise(std::move(raise)),
        m_handle(::dlopen(m_file.c_str(), RTLD_NOW | RTLD_LOCAL))
  {
    if (!m_handle) {
      const char* why = ::dlerror();
      m_raise(fmt::format("无法加载 {}{}（{}）", label, m_file, why ? why : "未知原因"), install_hint);
    }
  }

  template<typename Function> void bind(Function& function, const char* name) const
  {
    function = reinterpret_cast<Function>(::dlsym(m_handle, name));
    if (!function) {
      m_raise(fmt::format("{} 中没有 {}", m_file, name), m_version_hint);
    }
  }

private:
  std::string m_file;
  const char* m_version_hint;
  Raise m_raise;
  void* m_handle;
};

} // namespace normdoc::util
