// The C ABI's documented defaults of sd_attack_params, shared by the attack tests.
#pragma once

#include "scaledefense/scaledefense.h"

inline sd_attack_params default_attack_params() {
    sd_attack_params p{};
    p.epsilon = 1;
    p.max_epsilon = 50;
    p.epsilon_step = 1;
    p.max_change = 10;
    p.tolerance = 1e-3;
    p.free_pixels = 2;
    p.max_sweeps = 200;
    p.repair_rounds = 16;
    return p;
}
