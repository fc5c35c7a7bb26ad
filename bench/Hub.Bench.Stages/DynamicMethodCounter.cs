using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace Hub.Bench.Stages;

/// <summary>
/// Counts the dynamic methods the runtime compiles (Reflection.Emit, compiled expression trees, compiled regexes),
/// per stage and by name: each one costs a JIT compile now and a finalizer run later.
/// </summary>
public sealed class DynamicMethodCounter : RuntimeEventListener
{
    private const int MethodLoadVerbose = 143;
    private const long JitKeyword = 0x10;

    public ConcurrentDictionary<string, int> ByStageAndName { get; } = new(StringComparer.Ordinal);

    public static string Stage { get; set; } = "start";

    protected override EventKeywords Keywords => (EventKeywords)JitKeyword;

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (eventData.EventId != MethodLoadVerbose || eventData.Payload is null || eventData.PayloadNames is null)
        {
            return;
        }
        var flags = Convert.ToInt64(eventData.Payload[eventData.PayloadNames.IndexOf("MethodFlags")], System.Globalization.CultureInfo.InvariantCulture);
        if ((flags & 1) == 0)
        {
            return;
        }
        var ns = eventData.Payload[eventData.PayloadNames.IndexOf("MethodNamespace")] as string;
        var name = eventData.Payload[eventData.PayloadNames.IndexOf("MethodName")] as string ?? "?";
        var digits = name.TrimEnd("0123456789".ToCharArray());
        ByStageAndName.AddOrUpdate($"{Stage} | {ns} {digits}", 1, (_, n) => n + 1);
    }
}
