/* What other contexts may use of the register: the projection the cooperations' command path writes. */
export { RegisterProjection } from './application/register-projection';
export { RegisterStoreModule } from './register-store.module';
