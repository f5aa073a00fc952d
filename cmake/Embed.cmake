# spamradar_embed(TARGET SYMBOL FILE) compiles FILE into TARGET as
#   namespace spamradar::embedded { extern const std::string_view SYMBOL; }
# so data files (brand dictionary, area-code table) ship inside the binary and
# the program never depends on where it was installed. Re-generated when FILE changes.
function(spamradar_embed target symbol file)
  set(out ${CMAKE_CURRENT_BINARY_DIR}/embedded_${symbol}.cc)
  add_custom_command(
    OUTPUT ${out}
    COMMAND ${CMAKE_COMMAND} -DIN=${file} -DOUT=${out} -DSYMBOL=${symbol}
            -P ${PROJECT_SOURCE_DIR}/cmake/embed_file.cmake
    DEPENDS ${file} ${PROJECT_SOURCE_DIR}/cmake/embed_file.cmake
    COMMENT "Embedding ${file}")
  target_sources(${target} PRIVATE ${out})
endfunction()
