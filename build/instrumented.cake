// Instrumented native builds with clang, each in its own CMake directory under artifacts/native/,
// used by the Sanitize and Fuzz targets of build.cake. Findings abort (-fno-sanitize-recover=all),
// so a non-zero exit of CTest, dotnet test or a fuzzer fails the target.

DirectoryPath InstrumentedRoot() => MakeAbsolute(Directory("."));

DirectoryPath InstrumentedDir(string name) => InstrumentedRoot().Combine($"artifacts/native/{name}");

void RunWithEnvironment(string tool, string arguments, IDictionary<string, string> environment, string failure)
{
    Information($"> {string.Join(" ", environment.Select(e => $"{e.Key}={e.Value}"))} {tool} {arguments}");
    int code = StartProcess(tool, new ProcessSettings
    {
        Arguments = arguments,
        WorkingDirectory = InstrumentedRoot(),
        EnvironmentVariables = environment,
    });
    if (code != 0) throw new Exception($"{failure} ({tool} exited with {code})");
}

// Configures and builds one clang variant; targets empty: everything.
DirectoryPath BuildInstrumented(string name, string cmakeOptions, string targets = "")
{
    DirectoryPath dir = InstrumentedDir(name);
    Run("cmake", $"-S . -B \"{dir}\" -DCMAKE_BUILD_TYPE=Debug -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ {cmakeOptions}",
        $"CMake configure of the {name} build failed (is clang installed? build.sh installs it as root)");
    Run("cmake", $"--build \"{dir}\" --parallel {Environment.ProcessorCount}" + (targets.Length > 0 ? $" --target {targets}" : ""),
        $"The {name} build failed");
    return dir;
}

// One ASan+UBSan build serves CTest and the fuzzers (coverage instrumentation does not disturb the
// tests), so CI compiles the library once for both.
const string AsanOptions = "-DSCALEDEFENSE_SANITIZE=address,undefined -DSCALEDEFENSE_FUZZ=ON";

static readonly Dictionary<string, string> AsanEnvironment = new()
{
    ["ASAN_OPTIONS"] = "detect_leaks=1:abort_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1",
    ["UBSAN_OPTIONS"] = "print_stacktrace=1:halt_on_error=1",
};

void RunSanitizers()
{
    SanitizeAddressAndUndefined();
    SanitizeThreads();
    ManagedSmokeOnAsanLibrary();
}

// The whole CTest suite on a library and tests built with -fsanitize=address,undefined.
void SanitizeAddressAndUndefined()
{
    DirectoryPath dir = BuildInstrumented("asan", AsanOptions);
    RunWithEnvironment("ctest", $"--test-dir \"{dir}\" --output-on-failure", AsanEnvironment, "Native tests under ASan/UBSan failed");
}

// The threaded tests (the pool, thread-count identity, one model shared by concurrent callers) under TSan.
void SanitizeThreads()
{
    DirectoryPath dir = BuildInstrumented("tsan", "-DSCALEDEFENSE_SANITIZE=thread", "scaledefense_native_tests");
    var environment = new Dictionary<string, string> { ["TSAN_OPTIONS"] = "halt_on_error=1:second_deadlock_stack=1" };
    RunWithEnvironment("ctest", $"--test-dir \"{dir}\" --output-on-failure -R \"Parallel|Threads|AttackBounds|AttackCApi\"",
                       environment, "Threaded native tests under TSan failed");
}

// The NUnit tests that reach the native core, on the ASan library: the ASan runtime is preloaded into
// the test host and SCALEDEFENSE_NATIVE_LIBRARY points the loader at the instrumented library.
void ManagedSmokeOnAsanLibrary()
{
    string runtime = ClangRuntime("libclang_rt.asan-x86_64.so");
    var environment = new Dictionary<string, string>
    {
        ["LD_PRELOAD"] = runtime,
        ["SCALEDEFENSE_NATIVE_LIBRARY"] = InstrumentedDir("asan").CombineWithFilePath("native/libscaledefense.so").FullPath,
        // .NET's runtime uses SIGSEGV for null checks and never frees some allocations at exit.
        ["ASAN_OPTIONS"] = "detect_leaks=0:handle_segv=0:allow_user_segv_handler=1:abort_on_error=1",
        ["UBSAN_OPTIONS"] = "print_stacktrace=1:halt_on_error=1",
    };
    RunWithEnvironment("dotnet",
        "test tests/ScaleDefense.Tests/ScaleDefense.Tests.csproj -c Release --no-build "
        + "--filter \"FullyQualifiedName~StrongAttackBadInput|FullyQualifiedName~ReconstructionTests|FullyQualifiedName~InteropBadInput|FullyQualifiedName~ScalingModelBadInput\"",
        environment, "The C# smoke run on the ASan library failed");
}

string ClangRuntime(string file)
{
    IEnumerable<string> output;
    int code = StartProcess("clang++", new ProcessSettings { Arguments = $"-print-file-name={file}", RedirectStandardOutput = true }, out output);
    string path = output.FirstOrDefault()?.Trim() ?? "";
    if (code != 0 || !System.IO.File.Exists(path)) throw new Exception($"clang's {file} was not found (install libclang-rt-dev)");
    return path;
}

// Each harness under native/fuzz for `seconds`, starting from its committed seed corpus, as many at
// once as there are cores (each is one thread; its log is artifacts/fuzz/<harness>/log.txt); new
// inputs go to artifacts/fuzz/<harness>/corpus, findings to artifacts/fuzz/<harness>/ and fail the target.
void FuzzCApi(int seconds)
{
    string[] harnesses = { "model_scale", "reconstruct", "strong_attack", "custom_model" };
    DirectoryPath dir = BuildInstrumented("asan", AsanOptions, string.Join(" ", harnesses.Select(h => h + "_fuzz")));
    foreach (string[] wave in harnesses.Chunk(Math.Max(1, Environment.ProcessorCount)))
    {
        var running = wave.Select(harness =>
        {
            DirectoryPath output = InstrumentedRoot().Combine($"artifacts/fuzz/{harness}");
            EnsureDirectoryExists(output.Combine("corpus"));
            FilePath log = output.CombineWithFilePath("log.txt");
            IProcess process = StartLogged(dir.CombineWithFilePath($"native/fuzz/{harness}_fuzz").FullPath,
                $"-max_total_time={seconds} -timeout=20 -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix=\"{output}/\" "
                + $"\"{output}/corpus\" \"native/fuzz/corpus/{harness}\"", log, AsanEnvironment);
            return (harness, output, log, process);
        }).ToList();
        foreach (var run in running) run.process.WaitForExit();  // all of the wave, before any failure is raised
        foreach (var (harness, output, log, process) in running)
            FinishLogged(process, log, $"Fuzzing {harness} found a failure: the input is in {output}; add it as a regression test", 7);
    }
}
