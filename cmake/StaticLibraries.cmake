# Static archives for the `spamradar` command.
#
# Every command starts by loading its libraries. With the shared objects of
# Debian's packages that is 37 of them, whose ~14,000 symbol references the
# dynamic loader binds one by one, searching every object in turn:
# `spamradar --version` took 6.7 ms (16 ms on a busy hour), most of a short
# `classify`'s start-up. Linked from the static archives Debian ships beside
# them (libphonenumber, protobuf, ICU, vectorscan, abseil, SQLite, ...), the
# same command takes about 3.2 ms. (libmicrohttpd, with GnuTLS, is no longer
# linked at all: `serve` loads it, see server/microhttpd_library.h.)
#
# Only targets with the property SPAMRADAR_STATIC_LIBS set take the archives;
# tests and benchmarks keep the shared objects, which are faster to link and
# smaller on disk. The C runtime stays shared.
#
# Such a target is also linked at a fixed address (-no-pie) and with the C++
# runtime inside it (spamradar_static_runtime below): as a position-independent
# executable the loader had 42,700 addresses to relocate in it at every start,
# writing to (and so copying) each page that holds one, and with libstdc++'s
# shared object the loader bound 2,068 symbols (308 without it). On the machine of
# the seventeenth session, a one-line `classify` took 27.6 ms with both and
# 23.0 ms without (medians of 60 interleaved runs). `ldd` lists 4 objects.
option(SPAMRADAR_STATIC_LIBS "Link the spamradar command with static archives where Debian ships them" ON)

# Libraries left shared even when an archive exists: the C runtime's parts,
# whose archives must not be mixed with the shared libc.
set(SPAMRADAR_SHARED_ONLY c m pthread dl rt atomic stdc++ gcc gcc_s)

# spamradar_static_alternative(<imported target> <library>...): for a consumer
# with SPAMRADAR_STATIC_LIBS, <target> links the given libraries (names as
# `pkg-config --static --libs` lists them, in its order) from their archives,
# or shared where there is none; for any other consumer, what it linked before.
function(spamradar_static_alternative target)
  set(wanted "$<BOOL:$<TARGET_PROPERTY:SPAMRADAR_STATIC_LIBS>>")
  get_target_property(shared ${target} INTERFACE_LINK_LIBRARIES)
  set(items)
  if(shared)
    foreach(item IN LISTS shared)
      list(APPEND items "$<$<NOT:${wanted}>:${item}>")
    endforeach()
  endif()
  foreach(name IN LISTS ARGN)
    set(item -l${name})
    if(NOT name IN_LIST SPAMRADAR_SHARED_ONLY)
      find_library(SPAMRADAR_ARCHIVE_${name} NAMES lib${name}.a)
      if(SPAMRADAR_ARCHIVE_${name})
        set(item ${SPAMRADAR_ARCHIVE_${name}})
      endif()
    endif()
    list(APPEND items "$<${wanted}:${item}>")
  endforeach()
  set_property(TARGET ${target} PROPERTY INTERFACE_LINK_LIBRARIES "${items}")
endfunction()

# Applies spamradar_static_alternative to each pkg-config target of
# pkg_check_modules(<prefix> ... IMPORTED_TARGET ...), with the libraries
# `pkg-config --static` names for it.
function(spamradar_static_pkg_config)
  if(NOT SPAMRADAR_STATIC_LIBS)
    return()
  endif()
  foreach(prefix IN LISTS ARGN)
    spamradar_static_alternative(PkgConfig::${prefix} ${${prefix}_STATIC_LIBRARIES})
  endforeach()
endfunction()

# spamradar_static_runtime(<target>): links <target> at a fixed address with
# the C++ runtime's archives (see the top of this file). Not under the
# sanitizers, whose runtime replaces the C++ runtime's allocation functions.
function(spamradar_static_runtime target)
  if(SPAMRADAR_STATIC_LIBS AND NOT SPAMRADAR_SANITIZE)
    target_link_options(${target} PRIVATE -no-pie -static-libstdc++ -static-libgcc)
  endif()
endfunction()
