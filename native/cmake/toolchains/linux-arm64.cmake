# Cross build for linux-arm64 with Debian's cross compiler (g++-aarch64-linux-gnu):
#   cmake -S . -B artifacts/native/build-linux-arm64 -DCMAKE_TOOLCHAIN_FILE=native/cmake/toolchains/linux-arm64.cmake
# Test executables run under qemu-user when it is installed (CTest and gtest_discover_tests use
# CMAKE_CROSSCOMPILING_EMULATOR).
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR aarch64)
set(CMAKE_CXX_COMPILER aarch64-linux-gnu-g++)

set(SCALEDEFENSE_ARM64_SYSROOT /usr/aarch64-linux-gnu)
set(CMAKE_FIND_ROOT_PATH ${SCALEDEFENSE_ARM64_SYSROOT})
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)

# Eigen is headers only: the host's libeigen3-dev serves any target.
set(Eigen3_DIR /usr/share/eigen3/cmake CACHE PATH "Eigen's CMake package (architecture-independent)")

find_program(SCALEDEFENSE_QEMU_AARCH64 qemu-aarch64)
if(SCALEDEFENSE_QEMU_AARCH64)
  set(CMAKE_CROSSCOMPILING_EMULATOR ${SCALEDEFENSE_QEMU_AARCH64} -L ${SCALEDEFENSE_ARM64_SYSROOT})
endif()
