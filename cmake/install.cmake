# Installation: headers, static and shared libraries, CMake package, pkg-config.
include(CMakePackageConfigHelpers)

install(DIRECTORY include/vnlegal DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(TARGETS vnlegal_static vnlegal_shared EXPORT vnlegalTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(TARGETS vnlegal_cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
set_target_properties(vnlegal_static PROPERTIES EXPORT_NAME vnlegal)
set_target_properties(vnlegal_shared PROPERTIES EXPORT_NAME vnlegal_shared)
install(EXPORT vnlegalTargets NAMESPACE vnlegal::
  DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/vnlegal)
configure_package_config_file(cmake/vnlegalConfig.cmake.in
  ${CMAKE_CURRENT_BINARY_DIR}/vnlegalConfig.cmake
  INSTALL_DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/vnlegal)
write_basic_package_version_file(${CMAKE_CURRENT_BINARY_DIR}/vnlegalConfigVersion.cmake
  COMPATIBILITY SameMajorVersion)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/vnlegalConfig.cmake
  ${CMAKE_CURRENT_BINARY_DIR}/vnlegalConfigVersion.cmake
  DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/vnlegal)
configure_file(cmake/vnlegal.pc.in ${CMAKE_CURRENT_BINARY_DIR}/vnlegal.pc @ONLY)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/vnlegal.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
