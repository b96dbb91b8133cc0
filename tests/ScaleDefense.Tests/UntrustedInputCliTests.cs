using OpenCvSharp;

namespace ScaleDefense.Tests;

/// <summary>
/// The CLI on hostile files: every case ends in one "error: ..." line and exit 1, or a documented,
/// correct result — never an abort, and a refused bomb costs next to no memory.
/// </summary>
[TestFixture]
public class UntrustedInputCliTests
{
    private string _folder = "";

    [SetUp]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("sd-hostile-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    private static string Sample(string name) => Path.Combine(RepositoryPaths.Root, "samples", "images", name);

    private string Out(string name = "out.png") => Path.Combine(_folder, name);

    private static string[] Scale(string input, string output, string size = "224x224", params string[] more) =>
        ["scale", input, output, "--algorithm", "bilinear", "--size", size, .. more];

    [TestCase(60000, 60000, "3600 megapixels")]
    [TestCase(26800, 26800, "718.2 megapixels")]
    public void A_png_declaring_a_huge_image_is_refused_before_decoding(int width, int height, string figure)
    {
        string bomb = HostileFiles.PngDeclaring(_folder, width, height);
        long before = GC.GetTotalAllocatedBytes(precise: true);
        var (code, _, error) = CliRunner.Run(Scale(bomb, Out()));
        long allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        CliRunner.AssertOneLineError(code, error, figure);
        Assert.That(error, Does.Contain("limit of 100 megapixels"));
        Assert.That(allocated, Is.LessThan(64L << 20), "refused from the header, not after decoding");
    }

    [Test]
    public void A_tiny_jpeg_declaring_30000_squared_is_refused_and_the_limit_is_an_option()
    {
        string jpeg = HostileFiles.JpegDeclaring(_folder, 30000, 30000);
        var (code, _, error) = CliRunner.Run(Scale(jpeg, Out()));
        CliRunner.AssertOneLineError(code, error, "900 megapixels");
        // Raised past the pixel limit, the byte limit (1 GiB decoded) still holds: 30000² × 3 bytes.
        (code, _, error) = CliRunner.Run(Scale(jpeg, Out(), "224x224", "--max-pixels", "1000000000"));
        CliRunner.AssertOneLineError(code, error, "MiB");
        (code, _, error) = CliRunner.Run(Scale(jpeg, Out(), "224x224", "--max-pixels", "0"));
        CliRunner.AssertOneLineError(code, error, "--max-pixels must be positive");
    }

    [Test]
    public void A_lowered_limit_refuses_an_ordinary_photo()
    {
        var (code, _, error) = CliRunner.Run(Scale(Sample("coffee.png"), Out(), "224x224", "--max-pixels", "1000"));
        CliRunner.AssertOneLineError(code, error, "coffee.png' (PNG) is 600x400");
    }

    [Test]
    public void A_huge_target_size_is_refused()
    {
        var (code, _, error) = CliRunner.Run(Scale(Sample("coffee.png"), Out(), "100000x100000"));
        CliRunner.AssertOneLineError(code, error, "the target size is 100000x100000");
    }

    [TestCase(" 10x10")]
    [TestCase("+10x+10")]
    [TestCase("10x10 ")]
    [TestCase("1_0x10")]
    public void Sizes_with_signs_or_spaces_are_refused(string size)
    {
        var (code, _, error) = CliRunner.Run(Scale(Sample("coffee.png"), Out(), size));
        CliRunner.AssertOneLineError(code, error, "is not a size");
    }

    [TestCase("rocket.jpg", 0.5)]
    [TestCase("coffee.png", 0.6)]
    public void Truncated_files_are_refused(string photo, double keep)
    {
        string truncated = HostileFiles.Truncated(_folder, Sample(photo), keep);
        var (code, _, error) = CliRunner.Run(Scale(truncated, Out()));
        CliRunner.AssertOneLineError(code, error, "is truncated");
    }

    [Test]
    public void A_file_that_is_not_an_image_is_refused()
    {
        string text = Path.Combine(_folder, "notes.png");
        File.WriteAllText(text, "not an image at all");
        var (code, _, error) = CliRunner.Run(Scale(text, Out()));
        CliRunner.AssertOneLineError(code, error, "whose size can be checked before decoding");
    }

    [Test]
    public void A_device_that_never_ends_is_refused_after_its_first_bytes()
    {
        Assume.That(File.Exists("/dev/zero"), "needs /dev/zero");
        long before = GC.GetTotalAllocatedBytes(precise: true);
        var (code, _, error) = CliRunner.Run(Scale("/dev/zero", Out()));
        CliRunner.AssertOneLineError(code, error, "not an image");
        Assert.That(GC.GetTotalAllocatedBytes(precise: true) - before, Is.LessThan(16L << 20));
    }

    [Test]
    public void Float_images_in_0_to_1_are_scaled_to_8_bits_and_hdr_is_refused()
    {
        string tiff = HostileFiles.Float(_folder, "half.tiff", 0.5f);
        var (code, _, error) = CliRunner.Run(Scale(tiff, Out(), "30x20"));
        Assert.That(code, Is.Zero, error);
        using (Mat scaled = Cv2.ImRead(Out(), ImreadModes.Unchanged))
        {
            Assert.That(scaled.Mean().Val0, Is.EqualTo(128).Within(0.5), "0.5 × 255, rounded");
        }
        string hdr = HostileFiles.Float(_folder, "bright.hdr", 5f);
        (code, _, error) = CliRunner.Run(Scale(hdr, Out(), "30x20"));
        CliRunner.AssertOneLineError(code, error, "high dynamic range");
    }

    [Test]
    public void Sixteen_bit_images_are_scaled_by_257()
    {
        string png = HostileFiles.Sixteen(_folder, 257 * 200);
        var (code, _, error) = CliRunner.Run(Scale(png, Out(), "30x20"));
        Assert.That(code, Is.Zero, error);
        using Mat scaled = Cv2.ImRead(Out(), ImreadModes.Unchanged);
        Assert.That(scaled.Mean().Val0, Is.EqualTo(200));
    }

    [Test]
    public void The_output_may_not_be_the_input_unless_asked()
    {
        string copy = Path.Combine(_folder, "photo.png");
        File.Copy(Sample("coffee.png"), copy);
        byte[] original = File.ReadAllBytes(copy);
        var (code, _, error) = CliRunner.Run(Scale(copy, copy));
        CliRunner.AssertOneLineError(code, error, "--overwrite");
        Assert.That(File.ReadAllBytes(copy), Is.EqualTo(original));
        (code, _, error) = CliRunner.Run(Scale(copy, copy, "224x224", "--overwrite"));
        Assert.That(code, Is.Zero, error);
        (code, _, error) = CliRunner.Run("attack", copy, Sample("chelsea.png"), copy, "--algorithm", "nearest", "--size", "50x50");
        CliRunner.AssertOneLineError(code, error, "--overwrite");
    }

    [TestCase("attack.jpg")]
    [TestCase("attack.webp")]
    public void An_attack_is_not_written_to_a_lossy_format(string name)
    {
        var (code, _, error) = CliRunner.Run("attack", Sample("coffee.png"), Sample("chelsea.png"), Out(name), "--algorithm", "nearest", "--size", "60x40");
        CliRunner.AssertOneLineError(code, error, "compression changes the pixels");
        Assert.That(File.Exists(Out(name)), Is.False);
    }
}
