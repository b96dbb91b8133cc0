// A stand-in library that claims another ABI version, so the C# loader's refusal can be tested.
#include <cstdint>

extern "C" __attribute__((visibility("default"))) std::int32_t sd_abi_version(void) { return 999; }
