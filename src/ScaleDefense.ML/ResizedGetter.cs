using Microsoft.ML;
using Microsoft.ML.Data;

namespace ScaleDefense.ML;

/// <summary>The getter of the resized column, shared by the row mapper and the cursor.</summary>
internal static class ResizedGetter
{
    public static ValueGetter<TValue> Create<TValue>(ValueGetter<MLImage>? source, SecureMlImageResizer resizer, DataViewSchema.Column column)
    {
        if (source is null)
        {
            throw new InvalidOperationException($"Column '{column.Name}' is not active; ask the cursor for it.");
        }
        if (typeof(TValue) != typeof(MLImage))
        {
            throw new InvalidOperationException($"Column '{column.Name}' holds MLImage values, not {typeof(TValue).Name}.");
        }
        MLImage input = null!;
        ValueGetter<MLImage> getter = (ref MLImage value) =>
        {
            source(ref input);
            value = resizer.Resize(input)!;
        };
        return (ValueGetter<TValue>)(Delegate)getter;
    }
}
