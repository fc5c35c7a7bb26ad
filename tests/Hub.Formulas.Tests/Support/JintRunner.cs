using Jint;
using Jint.Native;

namespace Hub.Formulas.Tests.Support;

/// <summary>Loads the ES module <see cref="FormulaScriptWriter"/> writes in Jint and calls its export <c>formulas[key](v)</c>.</summary>
internal sealed class JintRunner : IDisposable
{
    private readonly Engine _engine;
    private readonly JsValue _formulas;

    public JintRunner(string script)
    {
        _engine = new Engine(options => options.Strict());
        _formulas = Exports(_engine, script).Get("formulas");
    }

    /// <summary>The namespace of <paramref name="script"/> loaded as the module <c>./kpi-formulas.js</c> in <paramref name="engine"/>.</summary>
    public static Jint.Native.Object.ObjectInstance Exports(Engine engine, string script)
    {
        engine.Modules.Add("./kpi-formulas.js", script);
        return engine.Modules.Import("./kpi-formulas.js");
    }

    public double Call(string key, IReadOnlyDictionary<string, double> inputs)
    {
        var function = _formulas.AsObject().Get(key);
        var v = new JsObject(_engine);
        foreach (var (name, value) in inputs)
        {
            v.Set(name, new JsNumber(value));
        }
        return _engine.Invoke(function, v).AsNumber();
    }

    public void Dispose() => _engine.Dispose();
}
