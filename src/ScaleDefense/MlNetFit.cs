namespace ScaleDefense;

/// <summary>The resizing kind and crop anchor of an ML.NET model, checked against its algorithm.</summary>
internal readonly record struct MlNetFit(MlNetResizing Resizing, CropAnchor Anchor);
