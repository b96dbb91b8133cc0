#include "core/cpu_features.hpp"

namespace sd::cpu {

#if defined(__x86_64__) || defined(__i386__)
bool has_avx2() {
    static const bool has = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("popcnt");
    return has;
}
bool has_avx2_fma() {
    static const bool has = has_avx2() && __builtin_cpu_supports("fma");
    return has;
}
bool has_avx512_bw_vl() {
    static const bool has = has_avx2() && __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") &&
                            __builtin_cpu_supports("avx512vl");
    return has;
}
bool has_avx512_dq() {
    static const bool has = has_avx512_bw_vl() && __builtin_cpu_supports("avx512dq");
    return has;
}
bool has_avx512_vbmi2() {
    static const bool has = has_avx512_dq() && __builtin_cpu_supports("avx512vbmi2");
    return has;
}
bool has_avx512_vbmi() {
    static const bool has = has_avx512_bw_vl() && __builtin_cpu_supports("avx512vbmi");
    return has;
}
bool has_avx512_bitalg() {
    static const bool has = has_avx512_bw_vl() && __builtin_cpu_supports("avx512bitalg");
    return has;
}
#else
bool has_avx2() { return false; }
bool has_avx2_fma() { return false; }
bool has_avx512_bw_vl() { return false; }
bool has_avx512_dq() { return false; }
bool has_avx512_vbmi() { return false; }
bool has_avx512_vbmi2() { return false; }
bool has_avx512_bitalg() { return false; }
#endif

}  // namespace sd::cpu
