using System.Diagnostics.Tracing;

namespace Hub.Bench.Stages;

/// <summary>
/// Listens to the runtime's own events (<c>Microsoft-Windows-DotNETRuntime</c>) of some keywords. The keywords and
/// level are properties, not constructor arguments: the runtime's event source may be announced from the base
/// constructor, before a derived constructor has run.
/// </summary>
public abstract class RuntimeEventListener : EventListener
{
    protected abstract EventKeywords Keywords { get; }

    protected virtual EventLevel Level => EventLevel.Verbose;

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, Level, Keywords);
        }
    }
}
