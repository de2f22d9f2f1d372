using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using MimeKit;
using SmtpServer;
using SmtpServer.Authentication;
using SmtpServer.Mail;
using SmtpServer.Net;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Salam.Infrastructure.Tests.Providers;

/// <summary>A real SMTP server (the SmtpServer package) on a free loopback port: it asks for a sign-in, refuses chosen addresses (550) and keeps what it received.</summary>
public sealed class FakeSmtpServer : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;

    private FakeSmtpServer(string user, string password, TaskCompletionSource<int> port)
    {
        var listeners = new EndpointListenerFactory();
        listeners.EndpointStarted += (_, e) => port.TrySetResult(((IPEndPoint)e.LocalEndPoint).Port);
        var options = new SmtpServerOptionsBuilder().ServerName("localhost")
            .Endpoint(b => b.Endpoint(new IPEndPoint(IPAddress.Loopback, 0)).AuthenticationRequired().AllowUnsecureAuthentication())
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(listeners);
        services.Add(new DelegatingUserAuthenticator((u, p) => u == user && p == password));
        services.Add(new Mailboxes(RefusedAddresses));
        services.Add(new Store(Received));
        _running = new SmtpServer.SmtpServer(options, services).StartAsync(_stop.Token);
    }

    public int Port { get; private set; }
    public ConcurrentDictionary<string, bool> RefusedAddresses { get; } = new(StringComparer.OrdinalIgnoreCase);
    public ConcurrentQueue<MimeMessage> Received { get; } = new();

    public static async Task<FakeSmtpServer> StartAsync(string user, string password)
    {
        var port = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var server = new FakeSmtpServer(user, password, port);
        server.Port = await port.Task.WaitAsync(TimeSpan.FromSeconds(10));
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try { await _running; } catch (OperationCanceledException) { }
        _stop.Dispose();
    }

    private sealed class Mailboxes(ConcurrentDictionary<string, bool> refused) : MailboxFilter
    {
        public override Task<bool> CanDeliverToAsync(ISessionContext context, IMailbox to, IMailbox from, CancellationToken cancellationToken) =>
            Task.FromResult(!refused.ContainsKey(to.AsAddress()));
    }

    private sealed class Store(ConcurrentQueue<MimeMessage> received) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            received.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }
}
