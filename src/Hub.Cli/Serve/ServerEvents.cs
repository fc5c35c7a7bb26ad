using System.Text;
using System.Text.Json;
using Hub.Core.Diagnostics;

namespace Hub.Cli.Serve;

/// <summary>
/// The server-sent events that open pages of <c>hub serve</c> listen to: <c>reload</c> after a successful build, and
/// <c>errors</c> after a failed one, whose data is the build's diagnostics as one line of JSON (an array of
/// <c>{file, line, column, code, severity, message, hint}</c>) for the page's error overlay.
/// </summary>
public static class ServerEvents
{
    /// <summary>A successful build: the page reloads (an unnamed event, as the live-reload script always had).</summary>
    public const string Reload = "data: reload\n\n";

    /// <summary>The <c>errors</c> event of a failed build, every diagnostic in the order the terminal shows them.</summary>
    public static string Errors(IEnumerable<Diagnostic> diagnostics)
    {
        using var buffer = new MemoryStream();
        // The default encoder escapes line breaks and the HTML-significant characters, so the data is one line.
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            foreach (var d in diagnostics)
            {
                json.WriteStartObject();
                json.WriteString("file", d.Location.File);
                json.WriteNumber("line", d.Location.Line);
                json.WriteNumber("column", d.Location.Column);
                json.WriteString("code", d.Code);
                json.WriteString("severity", d.IsError ? "error" : "warning");
                json.WriteString("message", d.Message);
                if (d.Hint is null)
                {
                    json.WriteNull("hint");
                }
                else
                {
                    json.WriteString("hint", d.Hint);
                }
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        return "event: errors\ndata: " + Encoding.UTF8.GetString(buffer.ToArray()) + "\n\n";
    }
}
