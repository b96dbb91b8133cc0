#include <gtest/gtest.h>

#include "scaling/coefficient_matrix.hpp"
#include "scaling/opencv/opencv_tables.hpp"

TEST(CoefficientMatrix, MergesClampedDuplicatesAndDropsZeros) {
    // Vertical 2 -> 4: output 0 reads row 0 twice (weights 0.25 and 0.75) -> one entry of 1.
    const auto m = sd::to_matrix(sd::opencv::linear_table(2, 4, false), 2048.0);
    EXPECT_EQ(m.rows(), 4);
    EXPECT_EQ(m.cols(), 2);
    EXPECT_DOUBLE_EQ(m.coeff(0, 0), 1.0);
    EXPECT_DOUBLE_EQ(m.coeff(0, 1), 0.0);
    EXPECT_EQ(m.outerIndexPtr()[1] - m.outerIndexPtr()[0], 1);
}

TEST(CoefficientMatrix, LinearRowsSumToOne) {
    const auto m = sd::to_matrix(sd::opencv::linear_table(1000, 77, true), 0.0);
    for (int r = 0; r < m.rows(); ++r) EXPECT_NEAR(m.row(r).sum(), 1.0, 1e-6) << r;
}
