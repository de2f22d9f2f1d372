using System.Net;
using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;
using Salam.Infrastructure.Jobs;
using Salam.Testing;

namespace Salam.Web.Tests;

public sealed class JobsDashboardTests(SalamWebFactory factory) : IClassFixture<SalamWebFactory>
{
    [Fact]
    public async Task The_admin_sees_the_jobs_dashboard()
    {
        var client = factory.NewClient();
        await client.SignInStaffAsync("admin");
        var response = await client.GetAsync("/jobs");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Salam jobs", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("ministry")]
    [InlineData("officer.qom")]
    [InlineData("facilitator.pardisan")]
    [InlineData("agency.qom.municipality")]
    public async Task Everyone_else_is_refused_the_jobs_dashboard(string userName)
    {
        var client = factory.NewClient();
        await client.SignInStaffAsync(userName);
        var response = await client.GetAsync("/jobs");
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("/denied", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task An_anonymous_visitor_is_sent_to_sign_in_instead_of_the_jobs_dashboard()
    {
        var response = await factory.NewClient().GetAsync("/jobs");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/signin", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public void Closing_due_rounds_is_a_recurring_job_with_an_explicit_id_in_tehran_time()
    {
        _ = factory.Server; // start the host, which registers the recurring jobs
        using var connection = factory.Services.GetRequiredService<JobStorage>().GetConnection();
        var job = Assert.Single(connection.GetRecurringJobs(), j => j.Id == CloseDueRoundsJob.Id);
        Assert.Equal("Asia/Tehran", job.TimeZoneId);
        Assert.Equal(CloseDueRoundsJob.Schedule, job.Cron);
    }
}
