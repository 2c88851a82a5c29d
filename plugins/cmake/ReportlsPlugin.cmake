# reportls_add_plugin(NAME
#                     SOURCES file...
#                     [DATA file...]        rule data copied beside the plugin library
#                     [LIBRARIES target...])
#
# Builds an analyzer plugin as a shared module named NAME.so in
# ${REPORTLS_PLUGIN_OUTPUT_DIR}/NAME/ (the bundled plugin folder the server scans) together with
# its data files, and installs both into ${REPORTLS_PLUGIN_SUBDIR}/NAME/.  The module sees only
# the plugin contract (reportls/plugin.h and plugin.hpp) plus the LIBRARIES it names; symbols other
# than reportls_plugin_entry stay hidden so two plugins never clash.
function(reportls_add_plugin name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DATA;LIBRARIES" ${ARGN})
  set(target "reportls_plugin_${name}")
  add_library(${target} MODULE ${ARG_SOURCES})
  target_link_libraries(${target} PRIVATE reportls::plugin_api ${ARG_LIBRARIES})
  set(out "${REPORTLS_PLUGIN_OUTPUT_DIR}/${name}")
  set_target_properties(${target} PROPERTIES
    OUTPUT_NAME "${name}" PREFIX ""
    LIBRARY_OUTPUT_DIRECTORY "${out}"
    C_VISIBILITY_PRESET hidden CXX_VISIBILITY_PRESET hidden VISIBILITY_INLINES_HIDDEN ON
    # <prefix>/lib/reportls/plugins/NAME/NAME.so finds the bundled libreportls_report.so in
    # <prefix>/lib/reportls wherever the tree is copied (build tree, install, VS Code package).
    BUILD_WITH_INSTALL_RPATH ON INSTALL_RPATH "$ORIGIN/../..")
  if(NOT CMAKE_CXX_FLAGS MATCHES "sanitize" AND NOT REPORTLS_SANITIZE)
    target_link_options(${target} PRIVATE "-Wl,--no-undefined")
  endif()
  # Data files are copied by rules that depend on them, so editing only a JSON file refreshes the
  # copy beside the plugin.
  set(copies)
  foreach(file IN LISTS ARG_DATA)
    get_filename_component(abs "${file}" ABSOLUTE)
    get_filename_component(base "${file}" NAME)
    add_custom_command(OUTPUT "${out}/${base}"
      COMMAND ${CMAKE_COMMAND} -E copy_if_different "${abs}" "${out}/${base}"
      DEPENDS "${abs}" VERBATIM)
    list(APPEND copies "${out}/${base}")
  endforeach()
  if(copies)
    add_custom_target(${target}_data DEPENDS ${copies})
    add_dependencies(${target} ${target}_data)
  endif()
  install(TARGETS ${target} LIBRARY DESTINATION "${REPORTLS_PLUGIN_SUBDIR}/${name}")
  if(ARG_DATA)
    install(FILES ${ARG_DATA} DESTINATION "${REPORTLS_PLUGIN_SUBDIR}/${name}")
  endif()
  add_dependencies(reportls_plugins ${target})
endfunction()
