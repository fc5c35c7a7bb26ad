using Hub.Core.Diagnostics;
using Hub.Site.Yaml;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Hub.Site.Content;

/// <summary>
/// Checks of YAML values that the schema's typed getters let through: the plain scalars YAML reads as null, and
/// numbers that are not finite.
/// </summary>
public static class YamlValues
{
    /// <summary>True for a value YAML reads as null (<c>key:</c>, <c>~</c>, <c>null</c>): a quoted <c>"null"</c> is text.</summary>
    public static bool IsNull(YamlNode? node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any, Value: null or "" or "~" or "null" or "Null" or "NULL" };

    /// <summary>True for NaN and infinity in any spelling a number field could be given them: YAML's <c>.nan</c> and
    /// <c>.inf</c>, .NET's <c>NaN</c> and <c>Infinity</c>, or a number too large for a double (<c>1e400</c>).</summary>
    public static bool IsNonFinite(YamlNode? node)
    {
        if (node is not YamlScalarNode { Value: { } text })
        {
            return false;
        }
        var unsigned = text.TrimStart('+', '-');
        return unsigned is ".nan" or ".NaN" or ".NAN" or ".inf" or ".Inf" or ".INF"
            || (YamlMap.TryNumber(text, out var value) && !double.IsFinite(value));
    }

    /// <summary>The number at <paramref name="key"/>, as <see cref="YamlMap.Number"/> reads it, but NaN and infinity
    /// are errors at the value: a KPI cannot compute with them, and a calculator cannot show them.</summary>
    public static double? FiniteNumber(YamlMap map, string key, DiagnosticBag diagnostics)
    {
        var node = map.Node(key);
        if (IsNonFinite(node))
        {
            diagnostics.Error(DiagnosticCodes.InvalidValue, map.LocationOf(node!), $"'{key}' must be a finite number, not '{((YamlScalarNode)node!).Value}'",
                "NaN and infinity are not allowed");
            return null;
        }
        return map.Number(key);
    }
}
