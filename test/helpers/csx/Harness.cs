// Runs a script.csx once, the way the platform does: one request for one operation, with
// SendAsync answered by a recorded response. Prints what the script sent and what it returned,
// one "key=value" per line.
// Usage: harness.exe <operationId> <method> <requestUri> <status> <responseBodyFile|-> [<requestBodyFile>]
using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

public sealed class RecordedContext : IScriptContext
{
    private readonly int status;
    private readonly string body;

    public RecordedContext(string operationId, HttpRequestMessage request, int status, string body)
    {
        OperationId = operationId;
        Request = request;
        this.status = status;
        this.body = body;
    }

    public string CorrelationId { get { return "pcdk-test"; } }

    public string OperationId { get; private set; }

    public HttpRequestMessage Request { get; private set; }

    public ILogger Logger { get { return null; } }

    public int Sent { get; private set; }

    public Uri SentUri { get; private set; }

    public string SentMethod { get; private set; }

    public Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Sent++;
        SentUri = request.RequestUri;
        SentMethod = request.Method.Method;
        var response = new HttpResponseMessage((HttpStatusCode)status);
        if (body != null)
        {
            response.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }
        response.RequestMessage = request;
        return Task.FromResult(response);
    }
}

public static class Harness
{
    public static int Main(string[] args)
    {
        var request = new HttpRequestMessage(new HttpMethod(args[1]), new Uri(args[2]));
        if (args.Length > 5)
        {
            request.Content = new StringContent(File.ReadAllText(args[5]), Encoding.UTF8, "application/json");
        }
        var body = args[4] == "-" ? null : File.ReadAllText(args[4]);
        var context = new RecordedContext(args[0], request, int.Parse(args[3]), body);
        var script = new Script();
        script.Context = context;
        script.CancellationToken = CancellationToken.None;
        var response = script.ExecuteAsync().GetAwaiter().GetResult();
        Console.WriteLine("sent=" + context.Sent);
        Console.WriteLine("sentMethod=" + context.SentMethod);
        Console.WriteLine("sentUri=" + (context.SentUri == null ? "" : context.SentUri.AbsoluteUri));
        Console.WriteLine("status=" + (int)response.StatusCode);
        Console.WriteLine("location=" + (response.Headers.Location == null ? "" : response.Headers.Location.OriginalString));
        Console.WriteLine("body=" + (response.Content == null ? "" : response.Content.ReadAsStringAsync().GetAwaiter().GetResult()));
        return 0;
    }
}
