namespace Hub.Core.Diagnostics;

public enum Severity
{
    Warning,
    Error,
}
