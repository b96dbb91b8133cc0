namespace ScaleDefense;

/// <summary>How the area attack (paper §5.3.2) spends its change within a block.</summary>
public enum AreaAttackNorm
{
    /// <summary>Eq. 11 under L1: shift every free pixel of the block by the same amount (clipped to 0..255, the loss redistributed).</summary>
    L1 = 1,

    /// <summary>Under L0: set as few pixels as possible to 0 or 255, the ones with the largest effect on the block first.</summary>
    L0 = 2,
}
