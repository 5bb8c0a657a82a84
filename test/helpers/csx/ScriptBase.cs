// The Power Platform custom code API as Microsoft documents it for local compilation
// (learn.microsoft.com/connectors/custom-connectors/write-code, "Definition of supporting classes
// and interfaces"), so a generated script.csx compiles here as it would on the platform. The
// setters exist only so the test harness can hand the script its context.
using System;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

public abstract class ScriptBase
{
    public IScriptContext Context { get; set; }

    public CancellationToken CancellationToken { get; set; }

    public static StringContent CreateJsonContent(string serializedJson)
    {
        return new StringContent(serializedJson, Encoding.UTF8, "application/json");
    }

    public abstract Task<HttpResponseMessage> ExecuteAsync();
}

public interface IScriptContext
{
    string CorrelationId { get; }

    string OperationId { get; }

    HttpRequestMessage Request { get; }

    ILogger Logger { get; }

    Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken);
}

namespace Microsoft.Extensions.Logging
{
    // The platform passes Microsoft.Extensions.Logging's ILogger; scripts only call through it.
    public interface ILogger
    {
    }
}
