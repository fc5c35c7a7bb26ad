using System.Diagnostics;

namespace Hub.Site;

/// <summary>
/// With the environment variable <c>HUB_TIMINGS=1</c>, a build prints when each of its steps ended (milliseconds since
/// the build started, the process's CPU time, and so far: time paused by the GC, collections per generation, bytes allocated,
/// methods the JIT compiled and its time) on standard error, to see where a build's time goes without a profiler.
/// <c>HUB_TIMINGS=gc</c> adds a line for each garbage collection: its generation, why it ran, and when.
/// </summary>
internal sealed class BuildTimings
{
    private readonly Stopwatch? _clock = Environment.GetEnvironmentVariable("HUB_TIMINGS") is "1" or "true" or "gc" ? Stopwatch.StartNew() : null;

    /// <summary>With <c>HUB_TIMINGS=gc</c>, also each garbage collection as it starts (one listener per process).</summary>
    private static readonly Lazy<GcListener> Collections = new(() => new GcListener());

    public BuildTimings()
    {
        if (Environment.GetEnvironmentVariable("HUB_TIMINGS") is "gc")
        {
            Collections.Value.Clock = _clock;
        }
    }

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

/// <summary>Prints each garbage collection as it starts: generation, reason, and the heap in use before it.</summary>
internal sealed class GcListener : System.Diagnostics.Tracing.EventListener
{
    // GCStart_V2's Reason values (the runtime's gc_reason).
    private static readonly string[] Reasons =
        ["small object heap budget", "induced", "low memory", "empty", "large object heap budget", "out of space (small)", "out of space (large)", "induced, not forced", "stress", "low memory, blocking", "induced, compacting", "low memory (host)", "pm full gc", "low memory (host), blocking", "bgc tuning soh", "bgc tuning loh", "bgc stepping", "induced, aggressive"];

    public Stopwatch? Clock { get; set; }

    protected override void OnEventSourceCreated(System.Diagnostics.Tracing.EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, System.Diagnostics.Tracing.EventLevel.Informational, (System.Diagnostics.Tracing.EventKeywords)0x1);
        }
    }

    protected override void OnEventWritten(System.Diagnostics.Tracing.EventWrittenEventArgs e)
    {
        if (e.EventName is not "GCStart_V2" || e.Payload is null || e.PayloadNames is null)
        {
            return;
        }
        var depth = Convert.ToInt32(e.Payload[e.PayloadNames.IndexOf("Depth")], System.Globalization.CultureInfo.InvariantCulture);
        var reason = Convert.ToInt32(e.Payload[e.PayloadNames.IndexOf("Reason")], System.Globalization.CultureInfo.InvariantCulture);
        Console.Error.WriteLine($"gc:     {Clock?.ElapsedMilliseconds,6} ms  gen{depth}  {(reason < Reasons.Length ? Reasons[reason] : reason.ToString(System.Globalization.CultureInfo.InvariantCulture))}  {GC.GetTotalMemory(false) / (1024 * 1024)} MiB in use");
    }
}
