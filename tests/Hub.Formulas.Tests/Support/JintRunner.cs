using Jint;
using Jint.Native;

namespace Hub.Formulas.Tests.Support;

/// <summary>Runs the script <see cref="FormulaScriptWriter"/> writes in Jint and calls <c>HubFormulas[key](v)</c>.</summary>
internal sealed class JintRunner : IDisposable
{
    private readonly Engine _engine;
    private readonly JsValue _formulas;

    public JintRunner(string script)
    {
        _engine = new Engine(options => options.Strict());
        _engine.Execute(script);
        _formulas = _engine.GetValue("HubFormulas");
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
