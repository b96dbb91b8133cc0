// What the CPU offers the SIMD kernels, asked once per process: the run-time half of every
// "AVX2 (or AVX-512) where the CPU has it, portable elsewhere" dispatch. False off x86.
#pragma once

namespace sd::cpu {

bool has_avx2();          // AVX2 and POPCNT
bool has_avx2_fma();      // AVX2 and FMA
bool has_avx512_bw_vl();  // AVX-512 F, BW and VL (and AVX2)
bool has_avx512_dq();     // has_avx512_bw_vl() and DQ (64-bit multiplies)
bool has_avx512_vbmi();   // has_avx512_bw_vl() and VBMI (byte permutes)
bool has_avx512_vbmi2();  // has_avx512_dq() and VBMI2 (byte compress and expand)
bool has_avx512_bitalg();  // has_avx512_bw_vl() and BITALG (byte popcounts)

}  // namespace sd::cpu
