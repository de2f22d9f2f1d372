using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Salam.Testing;

namespace Salam.E2E.Tests;

/// <summary>
/// The browser fixture on a clock that runs with the real one and can be moved forward: a meeting is planned for later today and
/// held a couple of hours later without the journey waiting for it (cookies and antiforgery tokens keep working, the offset is small).
/// </summary>
public sealed class MeetingJourneyFixture() : BrowserFixture(new ClockedWebFactory())
{
    public MovableClock Clock => ((ClockedWebFactory)App).Clock;

    private sealed class ClockedWebFactory : SalamWebFactory
    {
        public MovableClock Clock { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
        }
    }
}

/// <summary>The system's time plus an offset a test moves forward.</summary>
public sealed class MovableClock : TimeProvider
{
    private long _offsetTicks;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow().AddTicks(Interlocked.Read(ref _offsetTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);
}
