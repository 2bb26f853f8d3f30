//! Search in a Web Worker: the search page's handle on it ([`SearchWorker`]), and the
//! worker's side ([`serve`]), which fetches the index's files and runs the queries.
//!
//! Why a worker: the search code (the morphology's keys, the query engine) is a second wasm
//! module that only the search page loads, so no other page's start-up pays for it; and a
//! query over many shards never holds up the reader's typing. The two sides post
//! [`Request`]s and [`Reply`]s as postcard bytes; the conversation with the index itself is
//! the pure [`Engine`], which `courtview search` drives the same way.
//!
//! The worker answers only the latest request: one that arrives while it fetches replaces
//! the one it was working on, so a fast typist's intermediate queries cost nothing.

use crate::search::session::{Reply, Request};

/// The search page's worker: started on the search page, ended with it.
pub struct SearchWorker {
    #[cfg(target_arch = "wasm32")]
    inner: wasm::Page,
}

impl SearchWorker {
    /// Starts the worker whose script the page names (`<meta name="courtview-search-worker">`);
    /// `on_reply` gets each reply, and an error reply when the worker cannot start or dies.
    /// `None` where there is no such script (natively, or a page the generator did not write).
    pub fn start(on_reply: impl Fn(Reply) + 'static) -> Option<SearchWorker> {
        #[cfg(target_arch = "wasm32")]
        {
            let url = super::page::meta_content(crate::markup::SEARCH_WORKER_META_NAME)?;
            Some(SearchWorker {
                inner: wasm::Page::start(&url, on_reply)?,
            })
        }
        #[cfg(not(target_arch = "wasm32"))]
        {
            let _ = on_reply;
            None
        }
    }

    /// Asks for `request`: sent at once if the worker is ready, else as soon as it is (only
    /// the latest request waits).
    pub fn ask(&self, request: &Request) {
        #[cfg(target_arch = "wasm32")]
        self.inner.ask(request);
        #[cfg(not(target_arch = "wasm32"))]
        let _ = request;
    }
}

/// The worker's body: answers the page's requests until the page ends it. Call once, in the
/// worker.
pub fn serve() {
    #[cfg(target_arch = "wasm32")]
    wasm::serve();
}

#[cfg(target_arch = "wasm32")]
mod wasm {
    use std::cell::RefCell;
    use std::rc::Rc;

    use wasm_bindgen::JsCast;
    use wasm_bindgen::closure::Closure;
    use web_sys::{DedicatedWorkerGlobalScope, MessageEvent, Worker};

    use crate::search::session::{self, Engine, Reply, Request, Step};

    /// The page's side: the worker, whether it has said it is ready, and what waits for that.
    pub struct Page {
        worker: Worker,
        state: Rc<RefCell<PageState>>,
        _on_message: Closure<dyn FnMut(MessageEvent)>,
        _on_error: Closure<dyn FnMut(web_sys::Event)>,
    }

    #[derive(Default)]
    struct PageState {
        ready: bool,
        waiting: Option<Vec<u8>>,
    }

    impl Page {
        pub fn start(url: &str, on_reply: impl Fn(Reply) + 'static) -> Option<Page> {
            let worker = Worker::new(url).ok()?;
            let state = Rc::new(RefCell::new(PageState::default()));
            let on_reply = Rc::new(on_reply);
            let on_message = {
                let (state, worker, on_reply) = (state.clone(), worker.clone(), on_reply.clone());
                Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
                    let bytes = js_sys::Uint8Array::new(&e.data()).to_vec();
                    // The worker's first message, empty, says it is listening.
                    if bytes.is_empty() {
                        let mut state = state.borrow_mut();
                        state.ready = true;
                        if let Some(waiting) = state.waiting.take() {
                            post(&worker, &waiting);
                        }
                        return;
                    }
                    if let Ok(reply) = session::decode::<Reply>(&bytes) {
                        on_reply(reply);
                    }
                })
            };
            let on_error = {
                let on_reply = on_reply.clone();
                let url_for_error = url.to_owned();
                Closure::<dyn FnMut(web_sys::Event)>::new(move |_| {
                    on_reply(Reply::failed(
                        Reply::ANY,
                        format!("{url_for_error}: the search worker stopped"),
                    ));
                })
            };
            worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
            worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
            Some(Page {
                worker,
                state,
                _on_message: on_message,
                _on_error: on_error,
            })
        }

        pub fn ask(&self, request: &Request) {
            let bytes = session::encode(request);
            let mut state = self.state.borrow_mut();
            if state.ready {
                post(&self.worker, &bytes);
            } else {
                state.waiting = Some(bytes);
            }
        }
    }

    impl Drop for Page {
        fn drop(&mut self) {
            self.worker.terminate();
        }
    }

    fn post(worker: &Worker, bytes: &[u8]) {
        let _ = worker.post_message(&js_sys::Uint8Array::from(bytes));
    }

    /// The worker's side: the engine, the latest request, and whether a request is being
    /// worked on (then a new one only replaces the latest).
    struct Served {
        engine: Engine,
        latest: Option<Request>,
        busy: bool,
    }

    pub fn serve() {
        let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
        let served = Rc::new(RefCell::new(Served {
            engine: Engine::new(),
            latest: None,
            busy: false,
        }));
        let on_message = {
            let scope = scope.clone();
            Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
                let bytes = js_sys::Uint8Array::new(&e.data()).to_vec();
                let Ok(request) = session::decode::<Request>(&bytes) else {
                    return;
                };
                let mut state = served.borrow_mut();
                state.latest = Some(request);
                if !state.busy {
                    state.busy = true;
                    wasm_bindgen_futures::spawn_local(work(served.clone(), scope.clone()));
                }
            })
        };
        scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        // The worker lives as long as the page keeps it: so does its listener.
        on_message.forget();
        // Messages posted before this listener existed were lost: the page waits for this.
        let _ = scope.post_message(&js_sys::Uint8Array::new_with_length(0));
    }

    /// Works on the latest request until it is answered, fetching what the engine asks for
    /// (all of a step's files at once); a request that comes meanwhile takes over.
    async fn work(served: Rc<RefCell<Served>>, scope: DedicatedWorkerGlobalScope) {
        loop {
            let Some(request) = served.borrow().latest.clone() else {
                served.borrow_mut().busy = false;
                return;
            };
            let step = served.borrow().engine.step(&request);
            match step {
                Step::Done(reply) => {
                    let mut state = served.borrow_mut();
                    if state.latest.as_ref().map(|r| r.id) == Some(request.id) {
                        state.latest = None;
                        state.busy = false;
                        drop(state);
                        let _ = scope
                            .post_message(&js_sys::Uint8Array::from(&session::encode(&reply)[..]));
                        return;
                    }
                }
                Step::Fetch(files) => {
                    // Every fetch starts before the first is awaited.
                    let pending: Vec<js_sys::Promise> = files
                        .iter()
                        .map(|(_, path)| scope.fetch_with_str(path))
                        .collect();
                    for ((need, path), fetch) in files.iter().zip(pending) {
                        let read = crate::ui::dom::page::read_response(fetch, path).await;
                        let added = read
                            .and_then(|bytes| served.borrow_mut().engine.add(need, path, &bytes));
                        if let Err(error) = added {
                            let reply = Reply::failed(request.id, error);
                            let mut state = served.borrow_mut();
                            if state.latest.as_ref().map(|r| r.id) == Some(request.id) {
                                state.latest = None;
                            }
                            drop(state);
                            let _ = scope.post_message(&js_sys::Uint8Array::from(
                                &session::encode(&reply)[..],
                            ));
                            break;
                        }
                    }
                }
            }
        }
    }
}
