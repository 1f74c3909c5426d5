using System.Text.Json;
using System.Text.Json.Serialization;
using CampaignDesk.Api.Audit;
using CampaignDesk.Api.Auth;
using CampaignDesk.Api.Calendar;
using CampaignDesk.Api.Campaigns;
using CampaignDesk.Api.FollowUps;
using CampaignDesk.Api.Health;
using CampaignDesk.Api.Import;
using CampaignDesk.Api.Interactions;
using CampaignDesk.Api.Metrics;
using CampaignDesk.Api.Officials;
using CampaignDesk.Api.OpenApi;
using CampaignDesk.Api.Organisations;
using CampaignDesk.Api.Parliament;
using CampaignDesk.Api.Positions;
using CampaignDesk.Api.Register;
using CampaignDesk.Api.SignIn;
using CampaignDesk.Api.Tasks;
using CampaignDesk.Api.Triage;
using CampaignDesk.Api.Users;
using CampaignDesk.Api.Web;
using CampaignDesk.Core;
using CampaignDesk.Core.Jobs;
using Microsoft.AspNetCore.Http.Json;

namespace CampaignDesk.Api.Hosting;

public static class ApiHostingExtensions
{
    public static WebApplicationBuilder AddCampaignDeskApi(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        builder.Logging.AddCampaignDeskLogHygiene();
        // Auth first: its start-up task (the admin token) must succeed before the database is migrated.
        services.AddCampaignDeskAuth();
        services.AddCampaignDeskCore();
        if (builder.Configuration.GetSection(WorkerOptions.SectionName).Get<WorkerOptions>()?.InProcess ?? true)
        {
            services.AddCampaignDeskJobs(builder.Configuration);
        }

        // Behind a reverse proxy: its forwarded headers (when configured), the public address, no Server banner, HSTS.
        services.AddCampaignDeskReverseProxy(builder.Configuration);
        services.AddSingleton<PublicUrl>();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        services.AddHsts(hsts => hsts.MaxAge = TimeSpan.FromDays(365));
        services.AddHttpContextAccessor();

        services.AddProblemDetails(options => options.CustomizeProblemDetails = ProblemLanguage.Apply);
        services.AddExceptionHandler<ProblemExceptionHandler>();
        // Binding failures reach ProblemExceptionHandler, which names the field, instead of a bare 400.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.Configure<JsonOptions>(options =>
        {
            options.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
            options.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
            options.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
            options.SerializerOptions.Converters.Add(new NulGuard.StringConverter());
        });

        services.AddCampaignDeskRateLimits();
        services.AddCampaignDeskSignIn();
        services.AddCampaignDeskHealthChecks();
        services.AddCampaignDeskMetricsApi();
        services.AddSingleton<UploadSpool>();
        services.AddCampaignDeskOpenApi();
        return builder;
    }

    public static WebApplication UseCampaignDeskApi(this WebApplication app)
    {
        // The client's address, scheme and host as the proxy saw them, before anything reads them (rate limits, HSTS, URLs).
        app.UseCampaignDeskForwardedHeaders();
        // Then, so that every log line of a request, the exception handler's too, carries its correlation id.
        app.UseCorrelationId();
        app.UseSecurityHeaders();
        app.UseMiddleware<RequestLogMiddleware>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseHsts();
        app.UseNulGuard();
        app.UseHeadAsGet();

        // The Swagger UI is static files with no data; it runs before authorization, whose fallback policy
        // would otherwise refuse it. The document it shows is mapped below as anonymous.
        app.UseSwaggerUI(options =>
        {
            options.SwaggerEndpoint("/openapi/v1.json", "CampaignDesk v1");
            options.DocumentTitle = "CampaignDesk API";
            // No call to an online validator: the Content-Security-Policy allows this application only.
            options.ConfigObject.ValidatorUrl = null;
        });

        // The web pages are static files without data, served before authorization like the Swagger UI; the API
        // calls they make are authorized as any other.
        app.UseCampaignDeskWebUi();

        // Routing here, not at the start where WebApplication would put it: after HEAD has become GET.
        app.UseRouting();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseCsrfProtection();
        app.UseAuthorization();

        app.MapCampaignDeskHealthChecks();
        app.MapOpenApi().AllowAnonymous();

        app.MapOrganisations();
        app.MapOfficials();
        app.MapImports();
        app.MapUsers();
        app.MapAudit();
        app.MapCampaigns();
        app.MapInteractions();
        app.MapTasks();
        app.MapCalendar();
        app.MapPositions();
        app.MapFollowUps();
        app.MapTriage();
        app.MapParliament();
        app.MapSignIn();
        app.MapInvitations();
        app.MapRegister();
        app.MapCampaignDeskWebUi();
        app.MapMetrics();
        // Explicit (WebApplication would add it when the host starts): it hands the endpoints to routing now, where the
        // OpenAPI generator finds them, so the openapi command has the document without starting anything.
        app.UseEndpoints(_ => { });
        return app;
    }
}
