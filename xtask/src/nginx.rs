//! The web server the browser tests go through: Debian's nginx running `deploy/nginx.conf`,
//! exactly as shipped but for its `listen` and `root` lines, on a free local port, in the
//! foreground, for the duration of the tests.

use std::fs;
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::process::{Child, Stdio};
use std::thread::sleep;
use std::time::{Duration, Instant};

use crate::tools::apt_install;
use crate::workspace::{Failure, Workspace};

/// Debian's nginx binary.
const NGINX: &str = "/usr/sbin/nginx";
/// The brotli_static module (package libnginx-mod-http-brotli-static).
const BROTLI_MODULE: &str = "/usr/lib/nginx/modules/ngx_http_brotli_static_module.so";
/// The shipped configuration, relative to the repository's root.
const SHIPPED: &str = "deploy/nginx.conf";

/// Installs nginx and its brotli module unless both are there.
pub fn ensure(ws: &Workspace) -> Result<(), Failure> {
    if Path::new(NGINX).exists() && Path::new(BROTLI_MODULE).exists() {
        println!("✓ nginx and its brotli_static module present");
        return Ok(());
    }
    println!("installing nginx and libnginx-mod-http-brotli-static (apt-get)");
    apt_install(ws, &["nginx", "libnginx-mod-http-brotli-static"])
}

/// A running nginx; dropping it stops the server.
pub struct Nginx {
    child: Child,
    /// Where it answers, e.g. `http://127.0.0.1:41234` (no trailing slash).
    pub url: String,
}

impl Drop for Nginx {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts nginx serving `dist` with the shipped configuration, and waits until it answers.
/// `name` keeps its files (configuration, logs, pid) apart from another instance's, under
/// `target/<name>/`.
pub fn start(ws: &Workspace, dist: &Path, name: &str) -> Result<Nginx, Failure> {
    let port = free_port()?;
    let dir = ws.target_dir().join(name);
    fs::create_dir_all(dir.join("tmp"))
        .map_err(|e| Failure::new(format!("{}: cannot create: {e}", dir.display())))?;
    let shipped_path = ws.root().join(SHIPPED);
    let shipped = fs::read_to_string(&shipped_path)
        .map_err(|e| Failure::new(format!("{}: cannot read: {e}", shipped_path.display())))?;
    let site =
        site_config(&shipped, port, dist).map_err(|e| Failure::new(format!("{SHIPPED}: {e}")))?;
    fs::write(dir.join("site.conf"), site)
        .map_err(|e| Failure::new(format!("{}: cannot write: {e}", dir.display())))?;
    let main = main_config(&dir);
    let conf = dir.join("nginx.conf");
    fs::write(&conf, main)
        .map_err(|e| Failure::new(format!("{}: cannot write: {e}", conf.display())))?;
    let mut command = ws.command(NGINX);
    command
        .arg("-p")
        .arg(&dir)
        .arg("-c")
        .arg(&conf)
        .arg("-e")
        .arg(dir.join("error.log"))
        .stdin(Stdio::null());
    let child = command
        .spawn()
        .map_err(|e| Failure::new(format!("could not start {NGINX}: {e}")))?;
    let server = Nginx {
        child,
        url: format!("http://127.0.0.1:{port}"),
    };
    let started = Instant::now();
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        if started.elapsed() > Duration::from_secs(15) {
            let log = fs::read_to_string(dir.join("error.log")).unwrap_or_default();
            return Err(Failure::new(format!(
                "nginx did not answer on port {port} within 15 s; its log:\n{log}"
            )));
        }
        sleep(Duration::from_millis(50));
    }
    println!(
        "✓ nginx serves {}/ at {} ({SHIPPED})",
        ws.relative(dist).display(),
        server.url
    );
    Ok(server)
}

/// The shipped server block with `listen` and `root` pointed at this machine; fails when the
/// file no longer has those lines (the tests would otherwise test another configuration).
fn site_config(shipped: &str, port: u16, dist: &Path) -> Result<String, String> {
    let listen = "    listen 80;\n";
    let root = "    root /var/www/courtview;\n";
    if !shipped.contains(listen) || !shipped.contains(root) {
        return Err(format!(
            "expected the lines `{}` and `{}` to replace for the tests",
            listen.trim(),
            root.trim()
        ));
    }
    Ok(shipped
        .replace(listen, &format!("    listen 127.0.0.1:{port};\n"))
        .replace(root, &format!("    root {};\n", dist.display())))
}

/// nginx's main configuration around the site: foreground, files under `dir`, Debian's
/// brotli_static module (loaded by absolute path: modules-enabled names it relative to the
/// prefix, which is `dir` here) and MIME types.
fn main_config(dir: &Path) -> String {
    let d = dir.display();
    let user = if is_root() { "user root;\n" } else { "" };
    format!(
        "# Written by cargo xtask test for the browser tests; do not edit.\n\
         {user}daemon off;\n\
         worker_processes 1;\n\
         pid {d}/nginx.pid;\n\
         error_log {d}/error.log warn;\n\
         load_module {BROTLI_MODULE};\n\
         events {{ worker_connections 256; }}\n\
         http {{\n\
         \x20   include /etc/nginx/mime.types;\n\
         \x20   default_type application/octet-stream;\n\
         \x20   access_log {d}/access.log;\n\
         \x20   client_body_temp_path {d}/tmp/body;\n\
         \x20   proxy_temp_path {d}/tmp/proxy;\n\
         \x20   fastcgi_temp_path {d}/tmp/fastcgi;\n\
         \x20   uwsgi_temp_path {d}/tmp/uwsgi;\n\
         \x20   scgi_temp_path {d}/tmp/scgi;\n\
         \x20   sendfile on;\n\
         \x20   include {d}/site.conf;\n\
         }}\n"
    )
}

/// Whether this process runs as root (then nginx's workers stay root, to read the checkout).
fn is_root() -> bool {
    std::process::Command::new("id")
        .arg("-u")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
        .unwrap_or(false)
}

/// A local port nobody listens on now.
fn free_port() -> Result<u16, Failure> {
    TcpListener::bind(("127.0.0.1", 0))
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .map_err(|e| Failure::new(format!("no free local port: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_file_is_what_the_tests_run() {
        let shipped = include_str!("../../deploy/nginx.conf");
        let site = site_config(shipped, 4321, Path::new("/tmp/dist")).unwrap();
        assert!(site.contains("    listen 127.0.0.1:4321;\n"));
        assert!(site.contains("    root /tmp/dist;\n"));
        assert_eq!(
            site.lines().count(),
            shipped.lines().count(),
            "only two lines change"
        );
        assert!(site_config("server {}", 1, Path::new("/x")).is_err());
    }

    #[test]
    fn the_archive_files_have_their_rules() {
        let shipped = include_str!("../../deploy/nginx.conf");
        for rule in [
            "location ~ \"^/data/[0-9a-f]{16}\\.bin$\" {",
            "location ~ \"^/[a-z]{2}/feed\\.xml$\" {",
            "types { application/atom+xml xml; }",
            "location = /sitemap.xml {",
            "location = /robots.txt {",
            "gzip_vary on;",
        ] {
            assert!(shipped.contains(rule), "{rule}");
        }
    }
}
