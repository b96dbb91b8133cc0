using ScaleDefense.Managed.Skia;

namespace ScaleDefense.Managed.MlNet;

/// <summary>
/// Where ML.NET 6's ResizeImages draws the source for IsoCrop and IsoPad: the destination
/// rectangle in float, truncated to int, as ML.NET computes it (quirks included: 1000×750 → 224×224
/// iso crop draws 223 rows). The C++ core has the same steps in mlnet_geometry.cpp.
/// </summary>
internal static class MlNetGeometry
{
    public static (DrawSpan X, DrawSpan Y) DrawRect(ImageSize source, ImageSize target, MlNetFit fit)
    {
        float widthAspect = (float)target.Width / source.Width;
        float heightAspect = (float)target.Height / source.Height;
        bool heightIsTighter = heightAspect < widthAspect;
        int x = 0, y = 0;
        float aspect;
        float OverhangX(float a) => target.Width - source.Width * a;
        float OverhangY(float a) => target.Height - source.Height * a;
        if (fit.Resizing == MlNetResizing.IsoPad)
        {
            // Fit inside: the tighter aspect wins, the other axis is centred.
            aspect = heightIsTighter ? heightAspect : widthAspect;
            if (heightIsTighter)
            {
                x = (int)(OverhangX(aspect) / 2);
            }
            else
            {
                y = (int)(OverhangY(aspect) / 2);
            }
        }
        else
        {
            // Crop: the looser aspect wins, the anchor places the overhang.
            aspect = heightIsTighter ? widthAspect : heightAspect;
            if (heightIsTighter)
            {
                y = fit.Anchor switch
                {
                    CropAnchor.Top => 0,
                    CropAnchor.Bottom => (int)OverhangY(aspect),
                    _ => (int)(OverhangY(aspect) / 2),
                };
            }
            else
            {
                x = fit.Anchor switch
                {
                    CropAnchor.Left => 0,
                    CropAnchor.Right => (int)OverhangX(aspect),
                    _ => (int)(OverhangX(aspect) / 2),
                };
            }
        }
        return (new DrawSpan(x, (int)(source.Width * aspect)), new DrawSpan(y, (int)(source.Height * aspect)));
    }
}
