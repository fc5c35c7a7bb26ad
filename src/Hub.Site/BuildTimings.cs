using System.Diagnostics;

namespace Hub.Site;

/// <summary>
/// With the environment variable <c>HUB_TIMINGS=1</c>, a build prints when each of its steps ended (milliseconds since
/// the build started, the process's CPU time, and so far: time paused by the GC, collections per generation, bytes allocated,
/// methods the JIT compiled and its time) on standard error, to see where a build's time goes without a profiler.
/// </summary>
internal sealed class BuildTimings
{
    private readonly Stopwatch? _clock = Environment.GetEnvironmentVariable("HUB_TIMINGS") is "1" or "true" ? Stopwatch.StartNew() : null;

    public void Mark(string step)
    {
        if (_clock is not null)
        {
            var cpu = Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds;
            var gc = GC.GetTotalPauseDuration().TotalMilliseconds;
            var collections = $"{GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}";
            var allocated = GC.GetTotalAllocatedBytes() / (1024 * 1024);
            var jitted = System.Runtime.JitInfo.GetCompiledMethodCount();
            var jitTime = System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds;
            Console.Error.WriteLine(
                $"timing: {_clock.ElapsedMilliseconds,6} ms  cpu {cpu,6:F0} ms  gc {gc,5:F0} ms ({collections,-8}) {allocated,5} MiB  jit {jitted,5} {jitTime,5:F0} ms  {step}");
        }
    }
}
