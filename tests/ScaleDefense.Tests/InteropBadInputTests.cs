using ScaleDefense.Interop;

namespace ScaleDefense.Tests;

/// <summary>The raw C ABI, called straight through the generated bindings: bad input returns a
/// status and a message, never a crash.</summary>
[TestFixture]
public unsafe class InteropBadInputTests
{
    private static sd_scaling_model_params Params(int sw, int sh, int tw, int th) => new()
    {
        library = (int)sd_library.SD_LIBRARY_OPENCV,
        algorithm = (int)sd_algorithm.SD_ALGORITHM_BILINEAR,
        source_width = sw,
        source_height = sh,
        target_width = tw,
        target_height = th,
    };

    private static int Status(sd_status_code code) => (int)code;

    [Test]
    public void Null_pointers_are_reported()
    {
        sd_scaling_model* model = null;
        Assert.That(NativeMethods.sd_scaling_model_create(null, &model), Is.EqualTo(Status(sd_status_code.SD_STATUS_INVALID_ARGUMENT)));
        Assert.That(NativeError.LastMessage(), Does.Contain("params must not be null"));
        var p = Params(10, 10, 5, 5);
        Assert.That(NativeMethods.sd_scaling_model_create(&p, null), Is.EqualTo(Status(sd_status_code.SD_STATUS_INVALID_ARGUMENT)));
        Assert.That(NativeMethods.sd_scaling_model_scale(null, null, null), Is.EqualTo(Status(sd_status_code.SD_STATUS_INVALID_ARGUMENT)));
        Assert.That(NativeMethods.sd_scaling_model_destroy(null), Is.EqualTo(Status(sd_status_code.SD_STATUS_OK)));
    }

    [TestCase(0, 10, 5, 5, "source width")]
    [TestCase(10, -3, 5, 5, "source height")]
    [TestCase(10, 10, 0, 5, "target width")]
    [TestCase(10, 10, 5, 2000000, "target height")]
    public void Bad_sizes_are_reported(int sw, int sh, int tw, int th, string what)
    {
        var p = Params(sw, sh, tw, th);
        sd_scaling_model* model = null;
        Assert.That(NativeMethods.sd_scaling_model_create(&p, &model), Is.EqualTo(Status(sd_status_code.SD_STATUS_INVALID_ARGUMENT)));
        Assert.That(NativeError.LastMessage(), Does.Contain(what));
        Assert.That((IntPtr)model, Is.EqualTo(IntPtr.Zero));
    }

    [Test]
    public void Unknown_enums_are_reported()
    {
        var p = Params(10, 10, 5, 5);
        p.library = 77;
        sd_scaling_model* model = null;
        Assert.That(NativeMethods.sd_scaling_model_create(&p, &model), Is.EqualTo(Status(sd_status_code.SD_STATUS_INVALID_ARGUMENT)));
        Assert.That(NativeError.LastMessage(), Does.Contain("unknown library 77"));
        p = Params(10, 10, 5, 5);
        p.algorithm = -1;
        Assert.That(NativeMethods.sd_scaling_model_create(&p, &model), Is.EqualTo(Status(sd_status_code.SD_STATUS_INVALID_ARGUMENT)));
        Assert.That(NativeError.LastMessage(), Does.Contain("unknown algorithm -1"));
        p = Params(10, 10, 5, 5);
        p.opencv_build = 2;
        Assert.That(NativeMethods.sd_scaling_model_create(&p, &model), Is.EqualTo(Status(sd_status_code.SD_STATUS_INVALID_ARGUMENT)));
        Assert.That(NativeError.LastMessage(), Does.Contain("opencv_build must be 0 (plain) or 1 (IPP), got 2"));
        p = Params(10, 10, 5, 5);
        p.library = (int)sd_library.SD_LIBRARY_PILLOW;
        p.opencv_build = (int)sd_opencv_build.SD_OPENCV_BUILD_IPP;
        Assert.That(NativeMethods.sd_scaling_model_create(&p, &model), Is.EqualTo(Status(sd_status_code.SD_STATUS_INVALID_ARGUMENT)));
        Assert.That(NativeError.LastMessage(), Does.Contain("opencv_build applies to OpenCV only"));
        Assert.That((IntPtr)model, Is.EqualTo(IntPtr.Zero));
    }

    [Test]
    public void Bad_images_are_reported()
    {
        var p = Params(8, 8, 4, 4);
        Assert.That(ScalingModelHandle.Create(p, out ScalingModelHandle handle), Is.Zero);
        using (handle)
        {
            var src = new byte[8 * 8];
            var dst = new byte[4 * 4];
            fixed (byte* s = src)
            fixed (byte* d = dst)
            {
                sd_image good = new() { data = s, stride = 8, width = 8, height = 8, channels = 1, sample_type = (int)sd_sample_type.SD_SAMPLE_UINT8 };
                sd_image output = new() { data = d, stride = 4, width = 4, height = 4, channels = 1, sample_type = (int)sd_sample_type.SD_SAMPLE_UINT8 };
                Assert.That(NativeMethods.sd_scaling_model_scale(handle.Pointer, &good, &output), Is.Zero);

                sd_image bad = good;
                bad.stride = 3;
                Expect(NativeMethods.sd_scaling_model_scale(handle.Pointer, &bad, &output), "smaller than a row");
                bad = good;
                bad.data = null;
                Expect(NativeMethods.sd_scaling_model_scale(handle.Pointer, &bad, &output), "data must not be null");
                bad = good;
                bad.sample_type = 9;
                Expect(NativeMethods.sd_scaling_model_scale(handle.Pointer, &bad, &output), "unknown sample type 9");
                bad = good;
                bad.channels = 0;
                Expect(NativeMethods.sd_scaling_model_scale(handle.Pointer, &bad, &output), "channels must be 1..4");
                bad = good;
                bad.stride = long.MaxValue / 2;
                Expect(NativeMethods.sd_scaling_model_scale(handle.Pointer, &bad, &output), "overflows");
                bad = output;
                bad.width = 5;
                Expect(NativeMethods.sd_scaling_model_scale(handle.Pointer, &good, &bad), "expected 4x4");
            }
        }
    }

    [Test]
    public void Short_coefficient_buffers_are_reported()
    {
        var p = Params(20, 20, 6, 6);
        Assert.That(ScalingModelHandle.Create(p, out ScalingModelHandle handle), Is.Zero);
        using (handle)
        {
            var offsets = new int[7];
            var indices = new int[1];
            var weights = new double[1];
            fixed (int* o = offsets)
            fixed (int* i = indices)
            fixed (double* w = weights)
            {
                Expect(NativeMethods.sd_scaling_model_get_coefficients(handle.Pointer, 0, 1, o, 7, i, w, 1), "needed",
                       sd_status_code.SD_STATUS_BUFFER_TOO_SMALL);
                Expect(NativeMethods.sd_scaling_model_get_coefficients(handle.Pointer, 0, 1, o, 6, i, w, 100), "row_offsets",
                       sd_status_code.SD_STATUS_BUFFER_TOO_SMALL);
                Expect(NativeMethods.sd_scaling_model_get_coefficients(handle.Pointer, 5, 1, o, 7, i, w, 100), "unknown axis");
                Expect(NativeMethods.sd_scaling_model_get_coefficients(handle.Pointer, 0, 1, null, 7, i, w, 100), "row_offsets must not be null");
            }
        }
    }

    [Test]
    public void Catalog_bad_arguments_are_reported()
    {
        int count;
        Assert.That(NativeMethods.sd_catalog_count(&count), Is.Zero);
        sd_catalog_entry entry;
        Expect(NativeMethods.sd_catalog_get(-1, &entry), $"catalog index -1 is outside 0..{count - 1}");
        Expect(NativeMethods.sd_catalog_get(count, &entry), $"catalog index {count} is outside");
        Expect(NativeMethods.sd_catalog_get(0, null), "out_entry must not be null");
        Expect(NativeMethods.sd_catalog_count(null), "out_count must not be null");
    }

    [Test]
    public void Errors_are_per_thread()
    {
        var p = Params(0, 1, 1, 1);
        sd_scaling_model* model = null;
        Assert.That(NativeMethods.sd_scaling_model_create(&p, &model), Is.Not.Zero);
        string other = "unset";
        var thread = new Thread(() => other = NativeError.LastMessage());
        thread.Start();
        thread.Join();
        Assert.That(other, Is.Empty);
        Assert.That(NativeError.LastMessage(), Does.Contain("source width"));
    }

    private static void Expect(int status, string message, sd_status_code code = sd_status_code.SD_STATUS_INVALID_ARGUMENT)
    {
        Assert.That(status, Is.EqualTo((int)code), NativeError.LastMessage());
        Assert.That(NativeError.LastMessage(), Does.Contain(message));
    }
}
