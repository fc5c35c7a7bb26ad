using System.Text.RegularExpressions;
using Hub.Core.Diagnostics;
using Hub.Site.Config;
using Hub.Site.Content;

namespace Hub.Site.Scaffolding;

/// <summary>Writes a new, valid content file of a kind, ready to edit (<c>hub new</c>); each kind writes its own text (<see cref="ContentKind.Scaffold"/>).</summary>
public static partial class Scaffolder
{
    /// <summary>The names of the kinds of <paramref name="kinds"/> (by default <see cref="ContentKinds.Default"/>) that <c>hub new</c> can write.</summary>
    public static IReadOnlyList<string> KindNames(ContentKinds? kinds = null) =>
        // A kind without a scaffold answers null whatever it is asked.
        [.. (kinds ?? ContentKinds.Default).Where(k => k.Scaffold(string.Empty, string.Empty, string.Empty) is not null).Select(k => k.Name)];

    /// <summary>Names as a sentence lists them: "article, catalogue or kpi".</summary>
    public static string Alternatives(IReadOnlyList<string> names) =>
        names.Count < 2 ? string.Join(string.Empty, names) : string.Join(", ", names.Take(names.Count - 1)) + " or " + names[^1];

    public sealed record Result(string? Path, string? Error);

    public static Result Create(string inputDir, string kindName, string slug, string? lang, ContentKinds? kinds = null)
    {
        if (!Slug().IsMatch(slug))
        {
            return new Result(null, $"'{slug}' is not a valid slug: use lowercase letters, digits and hyphens");
        }
        var diagnostics = new DiagnosticBag();
        var config = SiteConfigLoader.Load(inputDir, null, PathDisplay.For, diagnostics);
        if (config is null)
        {
            return new Result(null, string.Join("; ", diagnostics.Sorted().Select(d => d.ToString())));
        }
        lang ??= config.DefaultLanguage;
        if (!config.Languages.Contains(lang))
        {
            return new Result(null, $"language '{lang}' is not one of the site's languages ({string.Join(", ", config.Languages)})");
        }
        var suffix = lang == config.DefaultLanguage ? string.Empty : "." + lang;
        var names = KindNames(kinds);
        if ((kinds ?? ContentKinds.Default).ByName(kindName) is not { } kind || !names.Contains(kindName))
        {
            return new Result(null, $"unknown kind '{kindName}': use {Alternatives(names)}");
        }
        var path = System.IO.Path.Combine(inputDir, kind.Section, slug + suffix + kind.Extension);
        if (File.Exists(path))
        {
            return new Result(null, $"{PathDisplay.For(path)} already exists");
        }
        var text = kind.Scaffold(SchemaLine(inputDir, path, kind.Name), lang, slug)!;
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return new Result(PathDisplay.For(path), null);
    }

    /// <summary>
    /// The comment that tells YAML editors (yaml-language-server) which JSON Schema describes the file, so that they
    /// complete keys and flag wrong values as they are typed. The schemas live in <c>schemas/</c> beside the input
    /// folder (the repository root); the path is relative to the file, as the editor resolves it.
    /// </summary>
    public static string SchemaLine(string inputDir, string file, string kind)
    {
        var input = System.IO.Path.GetFullPath(inputDir);
        var root = System.IO.Path.GetDirectoryName(input) ?? input;
        var target = System.IO.Path.Combine(root, "schemas", kind + ".schema.json");
        var relative = System.IO.Path.GetRelativePath(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(file))!, target);
        return "# yaml-language-server: $schema=" + relative.Replace('\\', '/');
    }

    /// <summary>The text for <paramref name="lang"/> among a scaffold's Japanese, Korean and English (any other language).</summary>
    public static string Localized(string lang, string ja, string ko, string en) => lang switch { "ja" => ja, "ko" => ko, _ => en };

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    private static partial Regex Slug();
}
