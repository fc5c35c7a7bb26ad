using System.CommandLine;
using System.Text.Json;
using Hub.Core.Diagnostics;
using Hub.Site;
using Hub.Site.Translations;
using Spectre.Console;

namespace Hub.Cli.Commands;

/// <summary>
/// <c>hub translations</c>: per language, the pages missing and the translations that may be out of date (a table on
/// a terminal, one line each otherwise, JSON with <c>--json</c>); <c>--mark FILE…</c> records in translations the
/// version of their source they now translate.
/// </summary>
public static class TranslationsCommand
{
    public static Command Create(CliConsole console)
    {
        var json = new Option<bool>("--json") { Description = "Print the status as JSON, for tools" };
        var mark = new Option<string[]>("--mark")
        {
            Description = "Record in these translation files that they translate their source as it is now",
            AllowMultipleArgumentsPerToken = true,
        };
        var command = new Command("translations", "List missing and out-of-date translations, or mark translations as up to date")
        {
            HubCommandLine.Input, HubCommandLine.Drafts, json, mark,
        };
        command.SetAction(parse =>
        {
            var options = new BuildOptions
            {
                Input = parse.GetValue(HubCommandLine.Input)!,
                Drafts = parse.GetValue(HubCommandLine.Drafts),
                WriteOutput = false,
            };
            var diagnostics = new DiagnosticBag();
            var site = TranslationReport.Load(options, diagnostics);
            foreach (var diagnostic in diagnostics.Sorted())
            {
                console.Error.WriteLine(diagnostic.ToString());
            }
            if (site is null)
            {
                console.Out.WriteLine("translations: the site could not be loaded");
                return HubCommandLine.ContentErrors;
            }
            var files = parse.GetValue(mark) ?? [];
            return files.Length > 0 ? Mark(console, site, files) : Print(console, TranslationReport.For(site), parse.GetValue(json));
        });
        return command;
    }

    private static int Mark(CliConsole console, Hub.Site.Content.SiteContent site, string[] files)
    {
        var status = HubCommandLine.Ok;
        foreach (var file in files)
        {
            var (marked, error) = TranslationReport.Mark(site, file);
            if (marked is null)
            {
                console.Error.WriteLine($"hub: error: {error}");
                status = HubCommandLine.UsageErrors;
                continue;
            }
            console.Out.WriteLine($"{marked.Page.DisplayPath}: translationOf {marked.Source.SourceHash} ({marked.Source.DisplayPath} as it is now)");
        }
        return status;
    }

    private static int Print(CliConsole console, IReadOnlyList<LanguageReport> report, bool json)
    {
        var rows = report.SelectMany(l =>
            l.Missing.Select(source => (l.Lang, Status: "missing", Page: (string?)null, Source: source.DisplayPath))
                .Concat(l.Stale.Select(t => (l.Lang, Status: "stale", Page: (string?)t.Page.DisplayPath, Source: t.Source.DisplayPath)))
                .Concat(l.Untracked.Select(t => (l.Lang, Status: "untracked", Page: (string?)t.Page.DisplayPath, Source: t.Source.DisplayPath))))
            .ToList();
        if (json)
        {
            console.Out.WriteLine(Json(report));
            return HubCommandLine.Ok;
        }
        if (console.Interactive)
        {
            var table = new Table().AddColumns("Language", "Status", "Translation", "Source");
            foreach (var row in rows)
            {
                table.AddRow(Markup.Escape(row.Lang), Markup.Escape(row.Status), Markup.Escape(row.Page ?? "—"), Markup.Escape(row.Source));
            }
            AnsiConsole.Write(table);
        }
        else
        {
            foreach (var row in rows)
            {
                console.Out.WriteLine(row.Page is null ? $"{row.Lang} missing (source {row.Source})" : $"{row.Lang} {row.Status} {row.Page} (source {row.Source})");
            }
        }
        var summary = string.Join(", ", report.Select(l => $"{l.Lang}: {l.Missing.Count} missing, {l.Stale.Count} stale, {l.Untracked.Count} untracked"));
        console.Out.WriteLine($"translations: {summary}");
        return HubCommandLine.Ok;
    }

    /// <summary>The report as JSON, written field by field (the CLI is trimmed and compiled ahead of time: no reflection).</summary>
    private static string Json(IReadOnlyList<LanguageReport> report)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("languages");
            foreach (var language in report)
            {
                writer.WriteStartObject();
                writer.WriteString("lang", language.Lang);
                writer.WriteStartArray("missing");
                foreach (var source in language.Missing)
                {
                    writer.WriteStartObject();
                    writer.WriteString("source", source.DisplayPath);
                    writer.WriteString("section", source.Section);
                    writer.WriteString("translationKey", source.Header.TranslationKey);
                    writer.WriteEndObject();
                }
                writer.WriteEndArray();
                foreach (var (name, translations) in new[] { ("stale", language.Stale), ("untracked", language.Untracked) })
                {
                    writer.WriteStartArray(name);
                    foreach (var t in translations)
                    {
                        writer.WriteStartObject();
                        writer.WriteString("file", t.Page.DisplayPath);
                        writer.WriteString("source", t.Source.DisplayPath);
                        writer.WriteString("recorded", t.Page.Header.TranslationOf);
                        writer.WriteString("current", t.Source.SourceHash);
                        writer.WriteEndObject();
                    }
                    writer.WriteEndArray();
                }
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
