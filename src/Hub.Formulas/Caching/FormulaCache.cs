using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Hub.Formulas.Binding;
using Microsoft.CodeAnalysis.CSharp;

namespace Hub.Formulas.Caching;

/// <summary>
/// Remembers, by content hash, the formulas Roslyn accepted (with the warnings it gave), so that an unchanged
/// site checks them with the parser, the whitelist and Hub's binder only, without building a compilation.
/// The hash covers the formula text, the input names, and the versions of Hub.Formulas and Roslyn. The file is
/// best effort: unreadable means empty, and a failed write is ignored. Safety does not depend on it, since the
/// whitelist runs on every build.
/// </summary>
internal sealed class FormulaCache
{
    public const string FileName = "formulas.json";

    private static readonly string Salt = string.Join(
        "|",
        typeof(FormulaCache).Assembly.ManifestModule.ModuleVersionId.ToString("N"),
        typeof(CSharpCompilation).Assembly.GetName().Version?.ToString() ?? "");

    private readonly string? _path;
    private readonly ConcurrentDictionary<string, FormulaWarning[]> _entries = new(StringComparer.Ordinal);
    private readonly Lock _writeLock = new();

    public FormulaCache(string? directory)
    {
        if (directory is null)
        {
            return;
        }
        _path = Path.Combine(directory, FileName);
        Load();
    }

    public static string Hash(FormulaSource source)
    {
        var text = new StringBuilder(Salt).Append('\0').Append(source.Expression);
        foreach (var name in source.InputNames)
        {
            text.Append('\0').Append(name);
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    public bool TryGet(string hash, out IReadOnlyList<FormulaWarning> warnings)
    {
        var found = _entries.TryGetValue(hash, out var entry);
        warnings = entry ?? [];
        return found;
    }

    public void Add(string hash, IReadOnlyList<FormulaWarning> warnings)
    {
        if (_entries.TryAdd(hash, warnings.ToArray()) && _path is not null)
        {
            Save(_path);
        }
    }

    private void Load()
    {
        try
        {
            if (_path is null || !File.Exists(_path))
            {
                return;
            }
            var file = JsonSerializer.Deserialize(File.ReadAllText(_path), FormulaCacheJson.Default.FormulaCacheFile);
            if (file?.Salt != Salt || file.Formulas is null)
            {
                return;
            }
            foreach (var (hash, warnings) in file.Formulas)
            {
                _entries[hash] = warnings ?? [];
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            _entries.Clear();
        }
    }

    private void Save(string path)
    {
        lock (_writeLock)
        {
            var temporary = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                var file = new FormulaCacheFile(Salt, new SortedDictionary<string, FormulaWarning[]>(_entries, StringComparer.Ordinal));
                File.WriteAllText(temporary, JsonSerializer.Serialize(file, FormulaCacheJson.Default.FormulaCacheFile));
                File.Move(temporary, path, overwrite: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                try
                {
                    File.Delete(temporary);
                }
                catch (Exception cleanup) when (cleanup is IOException or UnauthorizedAccessException)
                {
                    // The cache is an optimisation; leave the stray file.
                }
            }
        }
    }
}

/// <summary>The cache file: Roslyn's version and Hub's build (<see cref="FormulaCache"/>'s salt), then the formulas by hash.</summary>
internal sealed record FormulaCacheFile(string Salt, SortedDictionary<string, FormulaWarning[]>? Formulas);

/// <summary>
/// The cache file's (de)serializer, generated at compile time: no reflection over the records when a build saves
/// the cache, and no converters made for types the file does not have.
/// </summary>
[JsonSerializable(typeof(FormulaCacheFile))]
internal sealed partial class FormulaCacheJson : JsonSerializerContext;
