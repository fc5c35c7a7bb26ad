using System.Diagnostics;

namespace Hub.Site;

/// <summary>
/// With the environment variable <c>HUB_TIMINGS=1</c>, a build prints when each of its steps ended (milliseconds since
/// the build started, and the process's CPU time) on standard error, to see where a build's time goes without a profiler.
/// </summary>
internal sealed class BuildTimings
{
    private readonly Stopwatch? _clock = Environment.GetEnvironmentVariable("HUB_TIMINGS") is "1" or "true" ? Stopwatch.StartNew() : null;

    public void Mark(string step)
    {
        if (_clock is not null)
        {
            Console.Error.WriteLine($"timing: {_clock.ElapsedMilliseconds,6} ms  cpu {Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds,6:F0} ms  {step}");
        }
    }
}
