using System.CommandLine;
using ScaleDefense.Cli.Eval;

namespace ScaleDefense.Cli.Commands;

/// <summary>
/// <c>scaledefense eval</c>: the paper's §5.1 evaluation on a folder of images — attacks (O1, O2),
/// both reconstruction filters, benign impact, adaptive attacks and runtimes — as CSV, Markdown,
/// PNG charts and an HTML report. Resumable: finished (case, scaler) rows in --out are skipped.
/// </summary>
internal static class EvalCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var images = new Option<string>("--images") { Description = "Folder of photos (png, jpg, bmp, tif, webp); pairs of different photos are drawn from it.", Required = true };
        var outDir = new Option<string>("--out") { Description = "Folder for results.csv, summary.md, the charts and report.html.", Required = true };
        var pairs = new Option<int>("--pairs") { Description = "Random source/target pairs per ratio bucket (5 buckets: [2,3) … [7.5,10)).", DefaultValueFactory = _ => EvalSettings.DefaultPairs };
        var seed = new Option<int>("--seed") { Description = "Seed for the pairs, the ratios and the random filter.", DefaultValueFactory = _ => EvalSettings.DefaultSeed };
        var scalers = new Option<string>("--scalers") { Description = "Comma-separated library:algorithm list.", DefaultValueFactory = _ => EvalScaler.Defaults };
        var model = new Option<string?>("--model") { Description = "Also judge O1 and recovery with ImageNet ResNet-18 features (resnet18; ONNX Runtime, slower)." };
        var command = new Command("eval",
            "Run the paper's evaluation (§5.1) on a folder of images: attack success (O1, O2), the median and random filters' recovery, " +
            "their impact on benign images, adaptive attacks versus δ, runtimes. Results are appended to <out>/results.csv as each " +
            "(pair, scaler) finishes; running again with the same --images and --seed skips what is already there (resumable; " +
            "a larger --pairs extends the run), then rewrites the tables, charts and report.")
        {
            images, outDir, pairs, seed, scalers, model,
        };
        command.SetAction(result => EvalSession.Run(
            EvalSettings.Create(result.GetValue(images)!, result.GetValue(outDir)!, result.GetValue(pairs), result.GetValue(seed), result.GetValue(scalers)!, result.GetValue(model)),
            new EvalAttacks(), output, error));
        return command;
    }
}
