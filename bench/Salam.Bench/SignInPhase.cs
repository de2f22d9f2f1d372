using System.Collections.Concurrent;
using System.Diagnostics;

namespace Salam.Bench;

/// <summary>
/// Signs residents in the way the app signs them in: the sign-in form with the mobile, the code read from the
/// development SMS outbox (/dev/sms), the code form; each resident keeps the cookies the app sets.
/// Residents go in batches that fit the outbox (it keeps the last 200 messages): the batch's codes are requested,
/// the outbox is read once, the codes are entered. The anonymous antiforgery pair of the sign-in pages (not bound to
/// any user) is fetched once per batch, as a browser that kept its cookie would reuse it. With several nodes each request goes
/// to the next node in turn (<see cref="Nodes"/>): the code is read from the outbox of the node that sent it.
/// </summary>
public sealed class SignInPhase(Nodes nodes, int concurrency)
{
    public const int BatchSize = 150;
    private const int MaxAttempts = 3;
    private const string AuthCookie = ".AspNetCore.Identity.Application";

    public const string RateLimitHelp =
        "the app answered 429 (sign-in rate limit). Run it with SignIn__RequestsPerClientPerMinute=100000000 SignIn__CodesPerNumber=1000";

    private readonly ConcurrentDictionary<string, int> _failures = new();
    private int _signedIn;
    private int _failed;

    public Latencies RequestCode { get; } = new();
    public Latencies EnterCode { get; } = new();
    public int SignedIn => _signedIn;
    public int Failed => _failed;
    public TimeSpan Elapsed { get; private set; }
    public IReadOnlyDictionary<string, int> Failures => _failures;

    /// <param name="afterSignIn">run for each signed-in resident; a non-null answer is a failure reason</param>
    /// <returns>The residents signed in (and for whom <paramref name="afterSignIn"/> succeeded).</returns>
    public async Task<List<BenchResident>> RunAsync(IReadOnlyList<BenchResident> residents, Func<BenchResident, CancellationToken, Task<string?>>? afterSignIn, string what, CancellationToken cancellationToken)
    {
        var pending = new Queue<BenchResident>(residents);
        var done = new List<BenchResident>(residents.Count);
        var clock = Stopwatch.StartNew();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken };
        var last = (Time: TimeSpan.Zero, Count: 0);
        await using (new Ticker(elapsed =>
        {
            var count = _signedIn;
            var rate = (count - last.Count) / Math.Max(0.001, (elapsed - last.Time).TotalSeconds);
            last = (elapsed, count);
            return $"setup: {elapsed.TotalSeconds,5:F0}s  {what} {count:N0}/{residents.Count:N0}  {rate:F0}/s  failed {_failed}";
        }))
        {
            while (pending.Count > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var batch = new List<BenchResident>(BatchSize);
                while (batch.Count < BatchSize && pending.TryDequeue(out var next)) batch.Add(next);

                var anonymous = new CookieJar();
                var signInPage = await nodes.Next().GetAsync("/signin", anonymous, cancellationToken);
                var residentForm = Html.FindForm(signInPage.Body, "resident", "/signin")
                    ?? throw new BenchException($"GET /signin answered {signInPage.Status} without the resident form (_handler=resident)");
                var codePagePath = $"/signin/code?mobile={batch[0].Mobile}&returnUrl=%2F";
                var codePage = await nodes.Next().GetAsync(codePagePath, anonymous, cancellationToken);
                var codeForm = Html.FindForm(codePage.Body, "code", codePagePath)
                    ?? throw new BenchException($"GET /signin/code answered {codePage.Status} without the code form (_handler=code)");

                var failed = new ConcurrentBag<BenchResident>();
                var requested = new ConcurrentBag<BenchResident>();
                await Parallel.ForEachAsync(batch, parallel, async (resident, ct) =>
                {
                    resident.Jar = new CookieJar(anonymous);
                    var node = nodes.Next();
                    var answer = await node.PostFormAsync(residentForm.Action, [.. residentForm.Hidden, new("Resident.Mobile", resident.Mobile)], resident.Jar, ct);
                    RequestCode.Add(answer.Ticks);
                    if (answer.Status == 429) throw new BenchException(RateLimitHelp);
                    if (answer.IsRedirect && SameApp(answer.Location) is { } codePath)
                    {
                        resident.CodePath = codePath;
                        resident.CodeNode = node;
                        requested.Add(resident);
                    }
                    else Fail(resident, failed, $"POST /signin answered {answer.Status} {Html.Message(answer.Body, 120)}");
                });

                // Each node keeps its own outbox: read every node's once.
                var codes = new Dictionary<AppClient, Dictionary<string, string>>();
                foreach (var node in nodes.All)
                {
                    var outbox = await node.GetAsync("/dev/sms", anonymous, cancellationToken);
                    if (outbox.Status != 200)
                        throw new BenchException($"GET {node.BaseUrl}dev/sms answered {outbox.Status}: run the app in Development (ASPNETCORE_ENVIRONMENT=Development, the default of dotnet run) so sent codes are listed there");
                    codes[node] = Html.SmsCodes(outbox.Body);
                }

                await Parallel.ForEachAsync(requested, parallel, async (resident, ct) =>
                {
                    if (!codes[resident.CodeNode!].TryGetValue(resident.Mobile, out var code))
                    {
                        Fail(resident, failed, "no code in /dev/sms");
                        return;
                    }
                    // The code form posts back to its own page: the one the sign-in form redirected to.
                    var action = codeForm.Action == codePagePath ? resident.CodePath! : codeForm.Action;
                    var answer = await nodes.Next().PostFormAsync(action, [.. codeForm.Hidden, new("Form.Code", code)], resident.Jar, ct);
                    EnterCode.Add(answer.Ticks);
                    if (answer.Status == 429) throw new BenchException(RateLimitHelp);
                    if (!answer.IsRedirect || !resident.Jar.Has(AuthCookie))
                    {
                        Fail(resident, failed, $"POST /signin/code answered {answer.Status} {Html.Message(answer.Body, 120)}");
                        return;
                    }
                    if (afterSignIn is not null && await afterSignIn(resident, ct) is { } reason)
                    {
                        Fail(resident, failed, reason);
                        return;
                    }
                    Interlocked.Increment(ref _signedIn);
                    lock (done) done.Add(resident);
                });

                foreach (var resident in failed)
                {
                    if (++resident.Attempts < MaxAttempts) pending.Enqueue(resident);
                    else Interlocked.Increment(ref _failed);
                }
            }
        }
        Elapsed = clock.Elapsed;
        return done;
    }

    private void Fail(BenchResident resident, ConcurrentBag<BenchResident> failed, string reason)
    {
        _failures.AddOrUpdate(reason, 1, (_, n) => n + 1);
        failed.Add(resident);
    }

    /// <summary>The path and query of a redirect, when it stays on the app being driven (it always should).</summary>
    private string? SameApp(string? location)
    {
        if (string.IsNullOrEmpty(location)) return null;
        if (!Uri.TryCreate(location, UriKind.RelativeOrAbsolute, out var uri)) return null;
        if (!uri.IsAbsoluteUri) return location;
        return nodes.All.Any(node => uri.GetLeftPart(UriPartial.Authority) == node.BaseUrl.GetLeftPart(UriPartial.Authority)) ? uri.PathAndQuery : null;
    }
}
