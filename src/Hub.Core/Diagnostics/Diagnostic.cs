namespace Hub.Core.Diagnostics;

/// <summary>One message of a build, printed MSBuild style: <c>path(line,col): error HUB0nnn: message</c>.</summary>
public sealed record Diagnostic(Severity Severity, string Code, SourceLocation Location, string Message, string? Hint = null)
{
    public bool IsError => Severity == Severity.Error;

    public override string ToString()
    {
        var kind = Severity == Severity.Error ? "error" : "warning";
        var text = $"{Location}: {kind} {Code}: {Message}";
        return Hint is null ? text : $"{text} ({Hint})";
    }

    /// <summary>The GitHub Actions workflow command that annotates the same place.</summary>
    public string ToGitHubAnnotation()
    {
        var kind = Severity == Severity.Error ? "error" : "warning";
        var props = $"file={Escape(Location.File, true)}";
        if (Location.Line > 0)
        {
            props += $",line={Location.Line},col={Location.Column}";
        }
        var message = Hint is null ? Message : $"{Message} ({Hint})";
        return $"::{kind} {props},title={Code}::{Escape(message, false)}";
    }

    private static string Escape(string value, bool property)
    {
        var s = value.Replace("%", "%25", StringComparison.Ordinal)
            .Replace("\r", "%0D", StringComparison.Ordinal)
            .Replace("\n", "%0A", StringComparison.Ordinal);
        return property ? s.Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal) : s;
    }
}
