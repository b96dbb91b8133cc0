#include "scaling/coefficient_matrix.hpp"

#include <vector>

namespace sd {

CoefficientMatrix to_matrix(const KernelTable& table, double fixed_scale) {
    std::vector<Eigen::Triplet<double, std::int32_t>> entries;
    entries.reserve(static_cast<std::size_t>(table.outputs) * table.taps);
    for (int d = 0; d < table.outputs; ++d) {
        for (int k = 0; k < table.taps; ++k) {
            const double w = fixed_scale > 0 ? table.q(d, k) / fixed_scale : table.w(d, k);
            entries.emplace_back(d, table.index(d, k), w);
        }
    }
    CoefficientMatrix m(table.outputs, table.inputs);
    m.setFromTriplets(entries.begin(), entries.end());  // sums duplicates
    m.prune(0.0);
    m.makeCompressed();
    return m;
}

}  // namespace sd
