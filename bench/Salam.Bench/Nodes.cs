namespace Salam.Bench;

/// <summary>
/// The app's nodes (one --url each), taken in turn: every request of the driver goes to the next node, so one resident
/// asks for a code on one node, enters it on another and posts the ballot on a third. That only works when the nodes share
/// their Data Protection keys (cookies and antiforgery tokens issued by one are read by the others) and their database.
/// </summary>
public sealed class Nodes : IDisposable
{
    private readonly AppClient[] _clients;
    private int _next = -1;

    public Nodes(IReadOnlyList<Uri> urls, int maxConnectionsEach)
    {
        if (urls.Count == 0) throw new BenchException("at least one --url is needed");
        _clients = [.. urls.Select(url => new AppClient(url, maxConnectionsEach))];
    }

    public IReadOnlyList<AppClient> All => _clients;

    public int Count => _clients.Length;

    /// <summary>The next node in turn (safe from many tasks at once).</summary>
    public AppClient Next() => _clients[(int)((uint)Interlocked.Increment(ref _next) % (uint)_clients.Length)];

    public override string ToString() => string.Join(", ", _clients.Select(c => c.BaseUrl.ToString().TrimEnd('/')));

    public void Dispose()
    {
        foreach (var client in _clients) client.Dispose();
    }
}
