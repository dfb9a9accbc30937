import '@vaadin/polymer-legacy-adapter/style-modules.js';
import '@vaadin/vertical-layout/src/vaadin-vertical-layout.js';
import '@vaadin/login/src/vaadin-login-form.js';
import '@vaadin/app-layout/src/vaadin-app-layout.js';
import '@vaadin/button/src/vaadin-button.js';
import '@vaadin/tooltip/src/vaadin-tooltip.js';
import 'Frontend/generated/jar-resources/disableOnClickFunctions.js';
import '@vaadin/horizontal-layout/src/vaadin-horizontal-layout.js';
import '@vaadin/app-layout/src/vaadin-drawer-toggle.js';
import '@vaadin/side-nav/src/vaadin-side-nav.js';
import '@vaadin/side-nav/src/vaadin-side-nav-item.js';
import '@vaadin/select/src/vaadin-select.js';
import 'Frontend/generated/jar-resources/selectConnector.js';
import 'Frontend/generated/jar-resources/flow-component-renderer.js';
import 'Frontend/generated/jar-resources/lit-renderer.ts';
import '@vaadin/text-field/src/vaadin-text-field.js';
import '@vaadin/grid/src/vaadin-grid.js';
import '@vaadin/grid/src/vaadin-grid-column.js';
import '@vaadin/grid/src/vaadin-grid-sorter.js';
import '@vaadin/checkbox/src/vaadin-checkbox.js';
import 'Frontend/generated/jar-resources/gridConnector.ts';
import 'Frontend/generated/jar-resources/vaadin-grid-flow-selection-column.js';
import '@vaadin/grid/src/vaadin-grid-column-group.js';
import '@vaadin/context-menu/src/vaadin-context-menu.js';
import 'Frontend/generated/jar-resources/contextMenuConnector.js';
import 'Frontend/generated/jar-resources/contextMenuTargetConnector.js';
import '@vaadin/text-area/src/vaadin-text-area.js';
import '@vaadin/notification/src/vaadin-notification.js';
import '@vaadin/dialog/src/vaadin-dialog.js';
import '@vaadin/common-frontend/ConnectionIndicator.js';
import '@vaadin/vaadin-lumo-styles/color-global.js';
import '@vaadin/vaadin-lumo-styles/typography-global.js';
import '@vaadin/vaadin-lumo-styles/sizing.js';
import '@vaadin/vaadin-lumo-styles/spacing.js';
import '@vaadin/vaadin-lumo-styles/style.js';
import '@vaadin/vaadin-lumo-styles/vaadin-iconset.js';
import 'Frontend/generated/jar-resources/ReactRouterOutletElement.tsx';

const loadOnDemand = (key) => {
  const pending = [];
  if (key === '2b7e986b520094a5563675af815a7e5b1c8b151affa90e7137a935bfd80a8c90') {
    pending.push(import('./chunks/chunk-b4fdeeb8311a09636f6a5dc99b2a01d31f8b96a04d086aea6fdc9b58b4244dc9.js'));
  }
  if (key === '55891cbbe854788456fa2afe282cee8e615cdcd6f29edbcd7755289b78303fd0') {
    pending.push(import('./chunks/chunk-a7e2859e29315c58efba0f777f6d5470ba7091d114302828729d1c6ec0907e05.js'));
  }
  if (key === '682f9fc21184e4faaa386acebb00ddfbd5c6b2965d03a8f153f7806c3cb497c5') {
    pending.push(import('./chunks/chunk-c03b66be268e3ac6a301eb5ca0e72ed7170f747a522ab35ae788c203d06b4262.js'));
  }
  if (key === 'd93f848d0c256b6520964c3475a4c5bbf05f1cb07cddf2d8c78c420ad82a0aaf') {
    pending.push(import('./chunks/chunk-6140faefc6c2686e7a962ed15424ee396d4c9d5078a332d2142cdc5d5c263bcf.js'));
  }
  if (key === '1b9263d3d090444e5b52863795ba694e3d7ccdfdf51329f8d3cf611a49908c54') {
    pending.push(import('./chunks/chunk-1445e9b69aa3fd14e3bac4bd69e3cf1386a4a9485a7e7fe4ddbe4a336050c67c.js'));
  }
  return Promise.all(pending);
}

window.Vaadin = window.Vaadin || {};
window.Vaadin.Flow = window.Vaadin.Flow || {};
window.Vaadin.Flow.loadOnDemand = loadOnDemand;
window.Vaadin.Flow.resetFocus = () => {
 let ae=document.activeElement;
 while(ae&&ae.shadowRoot) ae = ae.shadowRoot.activeElement;
 return !ae || ae.blur() || ae.focus() || true;
}