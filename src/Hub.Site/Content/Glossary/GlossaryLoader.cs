using Hub.Core.Diagnostics;
using Hub.Site.Config;
using Hub.Site.Yaml;
using YamlDotNet.RepresentationModel;

namespace Hub.Site.Content.Glossary;

/// <summary>Loads <c>input/glossary/*.yml</c>: one term in one language per file.</summary>
public static class GlossaryLoader
{
    public static readonly IReadOnlySet<string> Keys =
        new HashSet<string>(PageHeader.CommonKeys, StringComparer.Ordinal) { "reading", "aliases", "definition", "related" };

    public static GlossaryPage? Load(ContentKind kind, string path, string displayPath, SiteConfig config, DiagnosticBag diagnostics)
    {
        var root = YamlSource.Load(TextFile.Read(path), displayPath, 1, diagnostics);
        if (root is null)
        {
            return null;
        }
        if (root is not YamlMappingNode mapping)
        {
            diagnostics.Error(DiagnosticCodes.InvalidValue, new SourceLocation(displayPath, 1, 1), "a glossary term must be a mapping with title and definition");
            return null;
        }
        var map = new YamlMap(mapping, displayPath, 1, diagnostics);
        map.ReportUnknownKeys(Keys, "a glossary term", Severity.Error);
        var header = PageHeader.Read(map, path, config, diagnostics);
        var titleLocation = map.Node("title") is { } titleNode ? map.LocationOf(titleNode) : map.Location;
        var reading = Trimmed(map.String("reading"));
        CheckReading(header, reading, map, titleLocation, diagnostics);
        var definitionText = map.String("definition", required: true);
        var definition = Trimmed(definitionText);
        if (definitionText is not null && definition is null)
        {
            diagnostics.Error(DiagnosticCodes.RequiredKeyMissing, map.LocationOf(map.Node("definition")!), "'definition' is required");
        }
        var aliases = map.StringList("aliases").Select(a => (Value: a.Value.Trim(), a.Location)).Where(a => a.Value.Length > 0)
            .DistinctBy(a => a.Value, StringComparer.Ordinal).ToList();
        var related = map.StringList("related").Select(r => (Value: r.Value.Trim(), r.Location)).ToList();
        if (definition is null)
        {
            return null;
        }
        return new GlossaryPage
        {
            Kind = kind,
            SourcePath = path,
            DisplayPath = displayPath,
            // Lists, search results and the meta description show the definition when no summary says otherwise.
            Header = header.Summary.Length > 0 ? header : header with { Summary = definition },
            Reading = reading,
            Aliases = aliases,
            Definition = definition,
            Related = related,
            TitleLocation = titleLocation,
        };
    }

    /// <summary>
    /// The index groups a term by its reading, else by the term: a Japanese reading must be kana and a Korean one
    /// Hangul, and a term the index cannot place (a Japanese term starting with a kanji) needs a reading.
    /// </summary>
    private static void CheckReading(PageHeader header, string? reading, YamlMap map, SourceLocation titleLocation, DiagnosticBag diagnostics)
    {
        var language = header.Lang.Split('-')[0];
        if (reading is not null)
        {
            var location = map.LocationOf(map.Node("reading")!);
            if (language == "ja" && !GlossaryInitials.IsKana(reading))
            {
                diagnostics.Error(DiagnosticCodes.GlossaryReading, location, $"the reading '{reading}' of '{header.Title}' must be written in kana",
                    "write how the term is read in hiragana or katakana, e.g. reading: かいやくりつ");
            }
            else if (language == "ko" && !GlossaryInitials.IsHangul(reading))
            {
                diagnostics.Error(DiagnosticCodes.GlossaryReading, location, $"the reading '{reading}' of '{header.Title}' must be written in Hangul",
                    "write how the term is read in Hangul, e.g. reading: 이탈률");
            }
        }
        else if (!GlossaryInitials.HasReadableInitial(header.Title))
        {
            diagnostics.Error(DiagnosticCodes.GlossaryReading, titleLocation,
                $"the glossary index cannot place '{header.Title}' by its first character: it needs a 'reading'",
                language switch { "ja" => "add its reading in kana, e.g. reading: かいやくりつ", "ko" => "add its reading in Hangul", _ => "add a reading that starts with a letter" });
        }
    }

    private static string? Trimmed(string? value) => value?.Trim() is { Length: > 0 } text ? text : null;
}
